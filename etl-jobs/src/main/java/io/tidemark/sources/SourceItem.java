package io.tidemark.sources;

import java.io.Serializable;
import org.apache.spark.sql.Row;

/** What a source's Spark task emits per landed object: curated rows, quarantine rows, and one report. */
public sealed interface SourceItem extends Serializable {
    /** A row for a curated dataset, laid out as {@link DatasetStructs#sourceRow}. */
    record Curated(String dataset, Row row) implements SourceItem {
    }

    /** A row for the job's quarantine table, laid out as the quarantine schema plus {@code dt}. */
    record Quarantined(Row row) implements SourceItem {
    }

    /**
     * The object was rewritten after it was listed (its ETag changed, see {@code ListedObjectStream}): nothing of
     * it is kept, and it is left for the next run.
     */
    record Changed(String uri) implements SourceItem {
    }

    /** The object is done: what it held. */
    record Done(ObjectReport report) implements SourceItem {
    }
}
