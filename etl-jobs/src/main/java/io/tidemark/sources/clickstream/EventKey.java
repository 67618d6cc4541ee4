package io.tidemark.sources.clickstream;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.sources.LandedObject;
import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * The dedup key of a click event: its {@code event_id} when it has one, else the SHA-256 (lower-case hex) of
 * {@code <canonical record text> + "\n" + <arrival>}, where arrival is the object's Firehose arrival time from its
 * key (ISO-8601 UTC, e.g. {@code 2026-11-24T10:06:00Z}) or, for an object whose key is not a Firehose key, the
 * window date ({@code 2026-11-24}). A redelivered copy of a whole Firehose object keeps its arrival (the key time is
 * the arrival of the buffer's oldest record) and so its keys.
 */
final class EventKey {
    private EventKey() {
    }

    static String of(String eventId, JsonNode document, LandedObject object) {
        if (eventId != null) {
            return eventId;
        }
        String arrival = object.arrival() != null ? object.arrival().toString() : object.windowDate().toString();
        return DigestUtils.sha256Hex((CanonicalJson.text(document) + "\n" + arrival).getBytes(StandardCharsets.UTF_8));
    }
}
