package io.tidemark.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Builds SES event publishing records (FORMATS.md 4) for the demo landing, each with the row keys it must yield.
 * Event type names are as SES writes them ({@code Rendering Failure} with a space, object key {@code failure}).
 */
final class SesEventFactory {
    static final List<String> TYPES = List.of("Send", "Reject", "Bounce", "Complaint", "Delivery", "Open", "Click",
            "Rendering Failure", "DeliveryDelay", "Subscription");
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> BOUNCE_SUB_TYPES = List.of("General", "NoEmail", "Suppressed", "MailboxFull");

    /** The mail a record is about: id, send time and recipients as written in mail.destination. */
    record Mail(String messageId, Instant timestamp, List<String> destination) {
    }

    private final Random random;
    private final String accountId;
    private int messages;

    SesEventFactory(Random random, String accountId) {
        this.random = random;
        this.accountId = accountId;
    }

    /** A new mail to 1-3 recipients sent at {@code sent}. */
    Mail mail(Instant sent) {
        messages++;
        String id = String.format(Locale.ROOT, "0100018f%08x-%s-000000", messages, SeededUuid.next(random));
        int count = 1 + random.nextInt(3);
        Set<String> to = new LinkedHashSet<>();
        while (to.size() < count) {
            to.add(String.format(Locale.ROOT, "reader%03d@example.net", random.nextInt(400)));
        }
        return new Mail(id, sent, List.copyOf(to));
    }

    /** How long before the event time the mail was sent, per type. */
    Duration mailAge(String type) {
        return switch (type) {
            case "Send", "Reject", "Rendering Failure" -> Duration.ZERO;
            case "Delivery" -> Duration.ofMillis(800 + random.nextInt(4000));
            case "Bounce" -> Duration.ofSeconds(2 + random.nextInt(60));
            case "DeliveryDelay" -> Duration.ofMinutes(30 + random.nextInt(120));
            case "Open", "Click" -> Duration.ofMinutes(1 + random.nextInt(3 * 24 * 60)); // up to 3 days later
            case "Complaint" -> Duration.ofHours(1 + random.nextInt(48));
            case "Subscription" -> Duration.ofDays(1 + random.nextInt(10));
            default -> throw new IllegalArgumentException("Cannot date SES event type " + type);
        };
    }

    /** One record of {@code type} about {@code mail}, happening at {@code at}; notificationType instead of eventType if asked. */
    SesPlannedRecord event(String type, Mail mail, Instant at, boolean identityNotification) {
        ObjectNode root = JSON.createObjectNode();
        root.put(identityNotification ? "notificationType" : "eventType", type);
        root.set("mail", mailNode(mail));
        List<String> recipients = mail.destination();
        switch (type) {
            case "Send" -> root.putObject("send");
            case "Reject" -> root.putObject("reject").put("reason", "Bad content");
            case "Bounce" -> recipients = bounce(root.putObject("bounce"), mail, at);
            case "Complaint" -> recipients = complaint(root.putObject("complaint"), mail, at);
            case "Delivery" -> delivery(root.putObject("delivery"), mail, at);
            case "Open" -> engagement(root.putObject("open"), at, false);
            case "Click" -> engagement(root.putObject("click"), at, true);
            case "Rendering Failure" -> root.putObject("failure").put("templateName", "digest_v" + (1 + random.nextInt(3)))
                    .put("errorMessage", "Attribute 'first_name' is not present in the rendering data.");
            case "DeliveryDelay" -> recipients = delay(root.putObject("deliveryDelay"), mail, at);
            case "Subscription" -> subscription(root.putObject("subscription"), at);
            default -> throw new IllegalArgumentException("Cannot build SES event type " + type);
        }
        return new SesPlannedRecord(root.toString(), keys(mail.messageId(), type, recipients, at), null);
    }

    static List<SesRowKey> keys(String messageId, String type, List<String> recipients, Instant at) {
        Set<String> normalized = new LinkedHashSet<>();
        recipients.forEach(r -> normalized.add(r.strip().toLowerCase(Locale.ROOT)));
        List<SesRowKey> keys = new ArrayList<>();
        normalized.forEach(r -> keys.add(new SesRowKey(messageId, type, r, at)));
        return keys;
    }

    static String iso(Instant instant) {
        return ISO_MILLIS.format(instant);
    }

    ObjectNode mailNode(Mail mail) {
        ObjectNode node = JSON.createObjectNode();
        node.put("timestamp", iso(mail.timestamp()));
        node.put("source", "Tidemark News <news@example.com>");
        node.put("sourceArn", "arn:aws:ses:eu-west-1:" + accountId + ":identity/example.com");
        node.put("sendingAccountId", accountId);
        node.put("messageId", mail.messageId());
        ArrayNode destination = node.putArray("destination");
        mail.destination().forEach(destination::add);
        node.put("headersTruncated", false);
        ArrayNode headers = node.putArray("headers");
        headers.addObject().put("name", "From").put("value", "Tidemark News <news@example.com>");
        headers.addObject().put("name", "To").put("value", String.join(", ", mail.destination()));
        headers.addObject().put("name", "Subject").put("value", "Your weekly digest");
        ObjectNode common = node.putObject("commonHeaders");
        common.putArray("from").add("Tidemark News <news@example.com>");
        ArrayNode to = common.putArray("to");
        mail.destination().forEach(to::add);
        common.put("messageId", mail.messageId());
        common.put("subject", "Your weekly digest");
        ObjectNode tags = node.putObject("tags");
        tags.putArray("ses:configuration-set").add("digest");
        tags.putArray("ses:source-ip").add("192.0.2." + (1 + random.nextInt(200)));
        tags.putArray("ses:from-domain").add("example.com");
        tags.putArray("ses:caller-identity").add("digest-sender");
        return node;
    }

    /** Bounces the first one or two recipients; the second is written upper-cased with spaces (same hash). */
    private List<String> bounce(ObjectNode bounce, Mail mail, Instant at) {
        boolean permanent = random.nextBoolean();
        bounce.put("bounceType", permanent ? "Permanent" : "Transient");
        bounce.put("bounceSubType", BOUNCE_SUB_TYPES.get(random.nextInt(BOUNCE_SUB_TYPES.size())));
        List<String> bounced = new ArrayList<>(mail.destination().subList(0, Math.min(2, mail.destination().size())));
        if (bounced.size() == 2) {
            bounced.set(1, " " + bounced.get(1).toUpperCase(Locale.ROOT) + " ");
        }
        ArrayNode list = bounce.putArray("bouncedRecipients");
        for (String recipient : bounced) {
            list.addObject().put("emailAddress", recipient).put("action", "failed").put("status", permanent ? "5.1.1" : "4.2.2")
                    .put("diagnosticCode", "smtp; 550 5.1.1 <" + recipient.strip() + ">: Recipient address rejected");
        }
        bounce.put("timestamp", iso(at));
        bounce.put("feedbackId", "0100018f-" + SeededUuid.next(random) + "-000000");
        bounce.put("reportingMTA", "dsn; e226-55.smtp-out.eu-west-1.amazonses.com");
        return bounced;
    }

    private List<String> complaint(ObjectNode complaint, Mail mail, Instant at) {
        List<String> complained = List.of(mail.destination().get(0));
        complaint.putArray("complainedRecipients").addObject().put("emailAddress", complained.get(0));
        complaint.put("timestamp", iso(at));
        complaint.put("feedbackId", "0100018f-" + SeededUuid.next(random) + "-000000");
        complaint.putNull("complaintSubType");
        complaint.put("userAgent", "Mozilla/5.0 (compatible; feedback-loop)");
        complaint.put("complaintFeedbackType", random.nextBoolean() ? "abuse" : "not-spam");
        complaint.put("arrivalDate", iso(at.minusSeconds(5)));
        return complained;
    }

    private void delivery(ObjectNode delivery, Mail mail, Instant at) {
        delivery.put("timestamp", iso(at));
        delivery.put("processingTimeMillis", Duration.between(mail.timestamp(), at).toMillis());
        ArrayNode recipients = delivery.putArray("recipients");
        mail.destination().forEach(recipients::add);
        delivery.put("smtpResponse", "250 2.0.0 OK  1732442400 a1si123456wrb.17 - gsmtp");
        delivery.put("reportingMTA", "e226-55.smtp-out.eu-west-1.amazonses.com");
    }

    private void engagement(ObjectNode node, Instant at, boolean click) {
        node.put("ipAddress", "198.51.100." + (1 + random.nextInt(250)));
        node.put("timestamp", iso(at));
        node.put("userAgent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36");
        if (click) {
            int article = 1000 + random.nextInt(9000);
            node.put("link", "https://example.com/articles/" + article);
            node.putObject("linkTags").putArray("article").add(String.valueOf(article));
        }
    }

    private List<String> delay(ObjectNode delay, Mail mail, Instant at) {
        List<String> delayed = List.of(mail.destination().get(0));
        delay.put("delayType", "TransientCommunicationFailure");
        delay.putArray("delayedRecipients").addObject().put("emailAddress", delayed.get(0)).put("status", "4.4.1")
                .put("diagnosticCode", "smtp; 421 4.4.1 Connection timed out");
        delay.put("expirationTime", iso(mail.timestamp().plus(Duration.ofHours(24))));
        delay.put("reportingMTA", "e226-55.smtp-out.eu-west-1.amazonses.com");
        delay.put("timestamp", iso(at));
        return delayed;
    }

    private void subscription(ObjectNode subscription, Instant at) {
        subscription.put("contactList", "weekly-digest");
        subscription.put("timestamp", iso(at));
        subscription.put("source", "UnsubscribeHeader");
        ObjectNode after = subscription.putObject("newTopicPreferences");
        after.put("unsubscribeAll", true);
        after.putArray("topicSubscriptionStatus").addObject().put("topicName", "digest").put("subscriptionStatus", "OptOut");
        ObjectNode before = subscription.putObject("oldTopicPreferences");
        before.put("unsubscribeAll", false);
        before.putArray("topicSubscriptionStatus").addObject().put("topicName", "digest").put("subscriptionStatus", "OptIn");
    }
}
