package io.tidemark.sources.guardduty;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The remote side of a finding's action: {@code remoteIpDetails} of the action object named after the action
 * type ({@code NETWORK_CONNECTION} -> {@code networkConnectionAction}, {@code AWS_API_CALL} -> {@code awsApiCallAction},
 * {@code DNS_REQUEST} -> {@code dnsRequestAction}, ...), or of its first list entry that has one
 * ({@code PORT_PROBE}: {@code portProbeAction.portProbeDetails[0]}).
 */
record RemoteEndpoint(String ipAddressV4, String country) {
    static final RemoteEndpoint NONE = new RemoteEndpoint(null, null);

    static RemoteEndpoint of(JsonNode action, String actionType) {
        JsonNode details = remoteIpDetails(actionObject(action, actionType));
        if (details == null) {
            return NONE;
        }
        return new RemoteEndpoint(text(details.path("ipAddressV4")), text(details.path("country").path("countryName")));
    }

    /** {@code NETWORK_CONNECTION} -> {@code networkConnectionAction}. */
    static String actionField(String actionType) {
        StringBuilder field = new StringBuilder();
        for (String word : actionType.toLowerCase(Locale.ROOT).split("_")) {
            if (word.isEmpty()) {
                continue;
            }
            field.append(field.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return field.append("Action").toString();
    }

    private static JsonNode actionObject(JsonNode action, String actionType) {
        if (actionType != null) {
            JsonNode named = action.path(actionField(actionType));
            return named.isObject() ? named : null;
        }
        JsonNode only = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = action.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().endsWith("Action") && field.getValue().isObject()) {
                if (only != null) {
                    return null;
                }
                only = field.getValue();
            }
        }
        return only;
    }

    private static JsonNode remoteIpDetails(JsonNode actionObject) {
        if (actionObject == null) {
            return null;
        }
        if (actionObject.path("remoteIpDetails").isObject()) {
            return actionObject.get("remoteIpDetails");
        }
        for (JsonNode value : actionObject) {
            if (value.isArray()) {
                for (JsonNode entry : value) {
                    if (entry.path("remoteIpDetails").isObject()) {
                        return entry.get("remoteIpDetails");
                    }
                }
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }
}
