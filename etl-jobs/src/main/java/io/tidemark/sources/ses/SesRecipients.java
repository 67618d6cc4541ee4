package io.tidemark.sources.ses;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.landing.ReasonCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the recipients of an event: the per-type list (bouncedRecipients, complainedRecipients, recipients,
 * delayedRecipients) or mail.destination. Entries may be strings or objects with {@code emailAddress}; the same
 * address twice in one event yields one recipient. Problems never quote an address.
 */
final class SesRecipients {
    private final List<SesRecipient> recipients;
    private final SesProblem problem;

    private SesRecipients(List<SesRecipient> recipients, SesProblem problem) {
        this.recipients = recipients;
        this.problem = problem;
    }

    static SesRecipients read(SesEventType type, JsonNode mail, JsonNode detail) {
        String path = type.recipientsPath();
        JsonNode list = type.hasOwnRecipients() ? detail.get(type.recipientsField()) : mail.get("destination");
        if (list == null || list.isNull()) {
            return failed("Cannot read the recipients of a " + type.eventName() + " event: " + path + " is missing");
        }
        if (!list.isArray()) {
            return failed("Cannot read the recipients of a " + type.eventName() + " event: " + path
                    + " is a " + list.getNodeType() + ", expected an array");
        }
        if (list.isEmpty()) {
            return failed("Cannot read the recipients of a " + type.eventName() + " event: " + path + " is empty");
        }
        Map<String, SesRecipient> byAddress = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            JsonNode addressNode = entry.isObject() ? entry.get("emailAddress") : entry;
            Optional<RecipientAddress> address = addressNode != null && addressNode.isTextual()
                    ? RecipientAddress.of(addressNode.asText()) : Optional.empty();
            if (address.isEmpty()) {
                return failed("Cannot read the recipients of a " + type.eventName() + " event: " + path + "[" + i + "]"
                        + " has no e-mail address, expected a non-blank string"
                        + (type.recipientObjects() ? " in emailAddress" : ""));
            }
            String status = entry.isObject() && entry.path("status").isTextual() ? entry.get("status").asText() : null;
            byAddress.putIfAbsent(address.get().normalized(), new SesRecipient(address.get(), status));
        }
        return new SesRecipients(List.copyOf(byAddress.values()), null);
    }

    private static SesRecipients failed(String detail) {
        return new SesRecipients(List.of(), new SesProblem(ReasonCode.SCHEMA_MISMATCH, detail));
    }

    Optional<SesProblem> problem() {
        return Optional.ofNullable(problem);
    }

    List<SesRecipient> all() {
        return recipients;
    }

    List<RecipientAddress> addresses() {
        List<RecipientAddress> addresses = new ArrayList<>();
        recipients.forEach(r -> addresses.add(r.address()));
        return addresses;
    }
}
