package io.tidemark.demo;

import java.time.Instant;

/**
 * The state of a GuardDuty finding as of one update: what {@code fact_security_findings} keeps for the latest one.
 *
 * @param type      finding type
 * @param severity  severity as a number
 * @param count     {@code service.count}
 * @param updatedAt {@code updatedAt}
 */
public record GuardDutyFindingState(String type, double severity, int count, Instant updatedAt) {
}
