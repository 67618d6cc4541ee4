package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

import io.tidemark.landing.ReasonCode;

/**
 * One JSON document {@link ClickstreamLandingGenerator} wrote, with its intended fate: a row, a redelivery of a
 * record written before, or a quarantine record.
 *
 * @param objectKey  the object it was written in
 * @param text       the JSON text as written
 * @param quarantine why it must be quarantined, or null
 * @param click      the row it carries, or null when quarantined
 * @param duplicate  whether it repeats a record written before (the redelivered object's records and the single
 *                   redelivered record)
 */
public record PlannedClickRecord(String objectKey, String text, ReasonCode quarantine, PlannedClick click,
                                 boolean duplicate) {
    public PlannedClickRecord {
        requireNonNull(objectKey, "objectKey");
        requireNonNull(text, "text");
    }
}
