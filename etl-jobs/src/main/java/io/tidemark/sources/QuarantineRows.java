package io.tidemark.sources;

import io.tidemark.config.DatasetSchemas;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.landing.RunContext;
import java.sql.Timestamp;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Rows of a job's quarantine table ({@code schemas/quarantine.json}), laid out as a source row so they are merged
 * and published like any dataset, partitioned by the landing window's date: a quarantined record has no
 * trustworthy event time.
 */
public final class QuarantineRows {
    public static final String SCHEMA = "quarantine";

    private QuarantineRows() {
    }

    public static StructType struct() {
        return DatasetStructs.sourceRow(DatasetSchemas.get(SCHEMA));
    }

    public static Row toRow(QuarantineRecord record, String dataset, RunContext context) {
        return RowFactory.create(record.sourceObject(), record.offset(), record.reason().name(), record.detail(),
                record.raw(), dataset, context.runId(), Timestamp.from(context.startedAt()),
                record.sourceObject(), record.offset(), null, context.window().date().toString());
    }
}
