package io.tidemark.sources;

import io.tidemark.config.ColumnSpec;
import io.tidemark.config.DatasetSchema;
import io.tidemark.config.PartitionKeyColumn;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Spark row layouts derived from a {@link DatasetSchema}. A source row is the schema's columns, then
 * {@code _source_object}, {@code _source_offset} and {@code _arrival_ts} (Firehose's arrival time from the object
 * key, the fallback event time), then, for a dataset that adds new fields, {@code _new_fields} (the record's fields
 * the parser does not map, see {@link NewFields}; never stored as such), then, for a job whose landing prefix has
 * dynamic partitioning keys, one nullable string column per key ({@link PartitionKeyColumn}; schema evolution adds
 * them to the table), then the partition columns. A curated row with lineage is the schema's columns,
 * {@code _source_object}, {@code _arrival_ts}, {@code _ingested_at}, {@code _run_id}, then the partition columns.
 * Partition columns are strings.
 */
public final class DatasetStructs {
    public static final String SOURCE_OBJECT = "_source_object";
    public static final String SOURCE_OFFSET = "_source_offset";
    public static final String ARRIVAL_TS = "_arrival_ts";
    public static final String INGESTED_AT = "_ingested_at";
    public static final String RUN_ID = "_run_id";
    public static final String NEW_FIELDS = "_new_fields";

    private DatasetStructs() {
    }

    /** The schema's own columns, without lineage or partition columns. */
    public static StructType dataColumns(DatasetSchema schema) {
        List<StructField> fields = new ArrayList<>();
        for (ColumnSpec column : schema.columns()) {
            fields.add(DataTypes.createStructField(column.name(), sparkType(column.type()), column.isNullable()));
        }
        return DataTypes.createStructType(fields);
    }

    /** What a source emits for a curated dataset. */
    public static StructType sourceRow(DatasetSchema schema) {
        return sourceRow(schema, List.of());
    }

    /** What a source emits for a curated dataset, with the columns of the job's dynamic partitioning keys. */
    public static StructType sourceRow(DatasetSchema schema, List<PartitionKeyColumn> keyColumns) {
        List<StructField> fields = new ArrayList<>(List.of(dataColumns(schema).fields()));
        fields.add(DataTypes.createStructField(SOURCE_OBJECT, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(SOURCE_OFFSET, DataTypes.LongType, false));
        fields.add(DataTypes.createStructField(ARRIVAL_TS, DataTypes.TimestampType, true));
        if (schema.evolution().addsNewFields()) {
            fields.add(DataTypes.createStructField(NEW_FIELDS,
                    DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, false), true));
        }
        keyColumns.forEach(k -> fields.add(DataTypes.createStructField(k.column(), DataTypes.StringType, true)));
        schema.partitioning().forEach(p -> fields.add(DataTypes.createStructField(p, DataTypes.StringType, false)));
        return DataTypes.createStructType(fields);
    }

    /** What a curated table holds (columns in this order). */
    public static StructType curatedRow(DatasetSchema schema) {
        List<StructField> fields = new ArrayList<>(List.of(dataColumns(schema).fields()));
        if (schema.hasLineage()) {
            fields.add(DataTypes.createStructField(SOURCE_OBJECT, DataTypes.StringType, false));
            fields.add(DataTypes.createStructField(ARRIVAL_TS, DataTypes.TimestampType, true));
            fields.add(DataTypes.createStructField(INGESTED_AT, DataTypes.TimestampType, false));
            fields.add(DataTypes.createStructField(RUN_ID, DataTypes.StringType, false));
        }
        schema.partitioning().forEach(p -> fields.add(DataTypes.createStructField(p, DataTypes.StringType, false)));
        return DataTypes.createStructType(fields);
    }

    public static DataType sparkType(String type) {
        return switch (type) {
            case "string" -> DataTypes.StringType;
            case "int" -> DataTypes.IntegerType;
            case "bigint" -> DataTypes.LongType;
            case "double" -> DataTypes.DoubleType;
            case "boolean" -> DataTypes.BooleanType;
            case "timestamp" -> DataTypes.TimestampType;
            case "date" -> DataTypes.DateType;
            default -> throw new IllegalArgumentException("Cannot map column type '" + type + "' to Spark");
        };
    }

    /** The Hive/Athena DDL type of a schema type. */
    public static String hiveType(String type) {
        return switch (type) {
            case "string", "int", "bigint", "double", "boolean", "timestamp", "date" -> type;
            default -> throw new IllegalArgumentException("Cannot map column type '" + type + "' to Hive");
        };
    }
}
