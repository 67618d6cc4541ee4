package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

import io.tidemark.landing.ReasonCode;

/**
 * One JSON document {@link GuardDutyLandingGenerator} wrote, with its intended fate: a finding update (a
 * {@code guardduty_findings} row unless the same finding id and updatedAt was written before: a redelivery) or a
 * quarantine record.
 *
 * @param objectKey  the object it was written in
 * @param text       the JSON text
 * @param findingId  the finding id when it must become a row, else null
 * @param state      the finding's state as of this update when it must become a row, else null
 * @param quarantine the quarantine reason when it must not become a row, else null
 */
public record PlannedGuardDutyDocument(String objectKey, String text, String findingId, GuardDutyFindingState state,
                                       ReasonCode quarantine) {
    public PlannedGuardDutyDocument {
        requireNonNull(objectKey, "objectKey");
        requireNonNull(text, "text");
    }
}
