package io.tidemark.demo;

import io.tidemark.landing.ReasonCode;
import java.util.List;

/**
 * One line the generator writes, with what a reader must make of it.
 *
 * @param line       the JSON text (no line break)
 * @param rows       the rows it yields (empty when quarantined)
 * @param quarantine the reason it is quarantined, or null
 */
record SesPlannedRecord(String line, List<SesRowKey> rows, ReasonCode quarantine) {
    SesPlannedRecord {
        rows = List.copyOf(rows);
    }

    static SesPlannedRecord bad(String line, ReasonCode reason) {
        return new SesPlannedRecord(line, List.of(), reason);
    }
}
