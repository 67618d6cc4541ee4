package io.tidemark.demo;

import java.time.LocalDate;

/**
 * One expected {@code dim_user} SCD type 2 version: a new version starts on the first snapshot whose attributes
 * differ from the previous version's.
 *
 * @param validFrom the snapshot date the attributes first appear
 * @param validTo   the next version's validFrom (exclusive end), or null for the current version
 */
public record UserVersion(long userId, String gender, Integer segmentId, LocalDate validFrom, LocalDate validTo,
                          boolean isCurrent) {
}
