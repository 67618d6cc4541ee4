package io.tidemark.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * A dataset's contract, read from {@code schemas/<dataset>.json}: columns, key, event time, partitioning.
 *
 * @param lineage      whether the lineage columns {@code _source_object}, {@code _ingested_at}, {@code _run_id}
 *                     are appended (default true)
 * @param targetFileMB the Parquet file size the lake aims at for this dataset, in MiB (default 128; fractions
 *                     allowed, e.g. 0.05 for tests)
 * @param evolution    how the dataset follows new fields of its raw data (default: new fields are not stored)
 * @param keyFixesEventTime whether rows sharing a key always share their event time, so their partition (default
 *                     false; implied when the key holds the event time column): true when the key names the record
 *                     itself, like a CloudWatch Logs event id, whose redeliveries carry the same content. Not when the
 *                     event time may fall back to the arrival time of the object (click events without a timestamp)
 */
public record DatasetSchema(
        @JsonProperty("dataset") String dataset,
        @JsonProperty("description") String description,
        @JsonProperty("key") List<String> key,
        @JsonProperty("eventTime") String eventTime,
        @JsonProperty("partitioning") List<String> partitioning,
        @JsonProperty("lineage") Boolean lineage,
        @JsonProperty("columns") List<ColumnSpec> columns,
        @JsonProperty("evolution") EvolutionPolicy evolution,
        @JsonProperty("targetFileMB") Double targetFileMB,
        @JsonProperty("keyFixesEventTime") Boolean keyFixesEventTime) {

    public static final double DEFAULT_TARGET_FILE_MB = 128;

    public static final List<String> LINEAGE_COLUMNS = List.of("_source_object", "_ingested_at", "_run_id");

    public DatasetSchema {
        SqlIdentifier.require(dataset, "dataset");
        description = description == null ? "" : description;
        key = List.copyOf(key == null ? List.of() : key);
        partitioning = List.copyOf(partitioning == null ? List.of() : partitioning);
        lineage = lineage == null ? Boolean.TRUE : lineage;
        columns = List.copyOf(columns == null ? List.of() : columns);
        evolution = evolution == null ? EvolutionPolicy.NONE : evolution;
        targetFileMB = targetFileMB == null ? DEFAULT_TARGET_FILE_MB : targetFileMB;
        keyFixesEventTime = Boolean.TRUE.equals(keyFixesEventTime);
        if (!(targetFileMB > 0 && targetFileMB <= 16 * 1024)) {
            throw new ConfigException("Cannot use schema '" + dataset + "': 'targetFileMB' is " + targetFileMB
                    + "; expected a size in MiB above 0 and at most 16384");
        }
        if (columns.isEmpty()) {
            throw new ConfigException("Cannot use schema '" + dataset + "': 'columns' is empty");
        }
        List<String> names = columns.stream().map(ColumnSpec::name).toList();
        for (String k : key) {
            if (!names.contains(k)) {
                throw new ConfigException("Cannot use schema '" + dataset + "': key column '" + k + "' is not in 'columns'");
            }
        }
        for (String p : partitioning) {
            SqlIdentifier.require(p, "partitioning");
        }
    }

    public Optional<ColumnSpec> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnSpec::name).toList();
    }

    /** The target Parquet file size in bytes ({@code targetFileMB} x 1 MiB, at least 1 KiB). */
    public long targetFileBytes() {
        return Math.max(1024, Math.round(targetFileMB * 1024 * 1024));
    }

    /**
     * Whether all rows sharing a key fall in one partition: declared by {@code keyFixesEventTime}, or implied by a
     * key that holds the event time column. Then one shuffle by the partition columns both dedups and lays out the
     * write.
     */
    public boolean keyFixesPartition() {
        return !partitioning.isEmpty() && (keyFixesEventTime || (eventTime != null && key.contains(eventTime)));
    }

    public boolean hasLineage() {
        return lineage;
    }

    /** The same contract with other columns (the deployed columns plus those schema evolution added). */
    public DatasetSchema withColumns(List<ColumnSpec> newColumns) {
        return new DatasetSchema(dataset, description, key, eventTime, partitioning, lineage, newColumns, evolution, targetFileMB,
                keyFixesEventTime);
    }
}
