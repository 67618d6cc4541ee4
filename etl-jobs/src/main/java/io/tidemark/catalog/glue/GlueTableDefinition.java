package io.tidemark.catalog.glue;

import io.tidemark.catalog.TableRef;
import io.tidemark.config.ColumnSpec;
import io.tidemark.config.DatasetSchema;
import io.tidemark.sources.DatasetStructs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

/**
 * The Glue table of a curated or quarantine dataset: an external Hive-format Parquet table with string partition
 * keys, as Athena and Redshift Spectrum read it, and the same shape as the Hive DDL of {@code HiveCatalog}.
 */
final class GlueTableDefinition {
    static final String INPUT_FORMAT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
    static final String OUTPUT_FORMAT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";
    static final String PARQUET_SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
    static final String EXTERNAL_TABLE = "EXTERNAL_TABLE";

    private GlueTableDefinition() {
    }

    static TableInput tableInput(TableRef table, DatasetSchema schema, String location) {
        return TableInput.builder()
                .name(table.table())
                .description(schema.description())
                .tableType(EXTERNAL_TABLE)
                .parameters(tableParameters())
                .partitionKeys(schema.partitioning().stream().map(p -> Column.builder().name(p).type("string").build()).toList())
                .storageDescriptor(StorageDescriptor.builder()
                        .columns(columns(schema))
                        .location(location)
                        .inputFormat(INPUT_FORMAT)
                        .outputFormat(OUTPUT_FORMAT)
                        .compressed(false)
                        .numberOfBuckets(-1)
                        .storedAsSubDirectories(false)
                        .serdeInfo(SerDeInfo.builder().serializationLibrary(PARQUET_SERDE)
                                .parameters(Map.of("serialization.format", "1")).build())
                        .build())
                .build();
    }

    /** Whether the table in the catalog already has the wanted columns, partition keys, location and formats. */
    static boolean matches(Table existing, TableInput wanted) {
        StorageDescriptor have = existing.storageDescriptor();
        StorageDescriptor want = wanted.storageDescriptor();
        return have != null
                && Objects.equals(existing.tableType(), wanted.tableType())
                && Objects.equals(existing.partitionKeys(), wanted.partitionKeys())
                && existing.parameters().entrySet().containsAll(wanted.parameters().entrySet())
                && Objects.equals(have.columns(), want.columns())
                && Objects.equals(have.location(), want.location())
                && Objects.equals(have.inputFormat(), want.inputFormat())
                && Objects.equals(have.outputFormat(), want.outputFormat())
                && have.serdeInfo() != null
                && Objects.equals(have.serdeInfo().serializationLibrary(), want.serdeInfo().serializationLibrary());
    }

    /** The wanted definition, keeping parameters that others (Athena, Lake Formation, people) put on the table. */
    static TableInput updateOf(Table existing, TableInput wanted) {
        Map<String, String> parameters = new LinkedHashMap<>(existing.parameters());
        parameters.putAll(wanted.parameters());
        return wanted.toBuilder().parameters(parameters).build();
    }

    /** The existing table's definition with its data columns replaced (schema evolution), all else kept. */
    static TableInput withColumns(Table existing, List<Column> columns) {
        return TableInput.builder()
                .name(existing.name())
                .description(existing.description())
                .tableType(existing.tableType())
                .parameters(existing.parameters())
                .partitionKeys(existing.partitionKeys())
                .storageDescriptor(existing.storageDescriptor().toBuilder().columns(columns).build())
                .build();
    }

    private static Map<String, String> tableParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("EXTERNAL", "TRUE");
        parameters.put("classification", "parquet");
        parameters.put("parquet.compression", "SNAPPY");
        return parameters;
    }

    private static List<Column> columns(DatasetSchema schema) {
        List<Column> columns = new ArrayList<>();
        for (ColumnSpec column : schema.columns()) {
            columns.add(column(column.name(), DatasetStructs.hiveType(column.type()), column.doc()));
        }
        if (schema.hasLineage()) {
            columns.add(column(DatasetStructs.SOURCE_OBJECT, "string", "landed object the row came from"));
            columns.add(column(DatasetStructs.ARRIVAL_TS, "timestamp", "Firehose arrival time of the landed object (from its key)"));
            columns.add(column(DatasetStructs.INGESTED_AT, "timestamp", "start of the run that stored the row"));
            columns.add(column(DatasetStructs.RUN_ID, "string", "run that stored the row"));
        }
        return columns;
    }

    private static Column column(String name, String type, String comment) {
        return Column.builder().name(name).type(type).comment(comment.isEmpty() ? null : comment).build();
    }
}
