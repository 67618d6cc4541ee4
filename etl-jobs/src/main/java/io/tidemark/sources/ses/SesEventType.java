package io.tidemark.sources.ses;

import java.util.Locale;
import java.util.Optional;

/**
 * The SES event types (FORMATS.md 4.1): the name SES writes in {@code eventType} (or {@code notificationType}), the
 * key of the per-type object, where the event's own time is, and where its recipients are.
 */
public enum SesEventType {
    SEND("Send", "send", false, null, false),
    REJECT("Reject", "reject", false, null, false),
    BOUNCE("Bounce", "bounce", true, "bouncedRecipients", true),
    COMPLAINT("Complaint", "complaint", true, "complainedRecipients", true),
    DELIVERY("Delivery", "delivery", true, "recipients", false),
    OPEN("Open", "open", true, null, false),
    CLICK("Click", "click", true, null, false),
    RENDERING_FAILURE("Rendering Failure", "failure", false, null, false),
    DELIVERY_DELAY("DeliveryDelay", "deliveryDelay", true, "delayedRecipients", true),
    SUBSCRIPTION("Subscription", "subscription", true, null, false);

    private final String eventName;
    private final String objectKey;
    private final boolean ownTimestamp;
    private final String recipientsField;
    private final boolean recipientObjects;

    SesEventType(String eventName, String objectKey, boolean ownTimestamp, String recipientsField, boolean recipientObjects) {
        this.eventName = eventName;
        this.objectKey = objectKey;
        this.ownTimestamp = ownTimestamp;
        this.recipientsField = recipientsField;
        this.recipientObjects = recipientObjects;
    }

    /**
     * The type named by {@code eventType} / {@code notificationType}, ignoring case, spaces, '-' and '_'
     * ({@code Rendering Failure}, {@code RenderingFailure} and {@code deliverydelay} are all accepted).
     */
    public static Optional<SesEventType> fromName(String name) {
        String wanted = normalize(name);
        for (SesEventType type : values()) {
            if (normalize(type.eventName).equals(wanted)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private static String normalize(String name) {
        return name.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
    }

    /** The name stored in {@code event_type}, as SES documents it (e.g. {@code Rendering Failure}). */
    public String eventName() {
        return eventName;
    }

    /** The key of the per-type object ({@code failure} for Rendering Failure). */
    public String objectKey() {
        return objectKey;
    }

    /** Path of the event time: {@code <objectKey>.timestamp}, or {@code mail.timestamp} for Send, Reject, failure. */
    public String timestampPath() {
        return ownTimestamp ? objectKey + ".timestamp" : "mail.timestamp";
    }

    boolean hasOwnTimestamp() {
        return ownTimestamp;
    }

    /** Path of the recipient list: the per-type list, or {@code mail.destination}. */
    public String recipientsPath() {
        return recipientsField == null ? "mail.destination" : objectKey + "." + recipientsField;
    }

    boolean hasOwnRecipients() {
        return recipientsField != null;
    }

    String recipientsField() {
        return recipientsField;
    }

    /** Whether the recipient list holds objects with {@code emailAddress} (else plain strings). */
    boolean recipientObjects() {
        return recipientObjects;
    }
}
