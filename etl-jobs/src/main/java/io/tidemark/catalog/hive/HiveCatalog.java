package io.tidemark.catalog.hive;

import io.tidemark.catalog.Catalog;
import io.tidemark.catalog.TableRef;
import io.tidemark.config.ColumnSpec;
import io.tidemark.config.DatasetSchema;
import io.tidemark.config.PartitionKey;
import io.tidemark.lake.PartitionVersion;
import io.tidemark.sources.DatasetStructs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.CatalogTablePartition;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalog;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Option;
import scala.collection.JavaConverters;
import scala.Tuple2;

/**
 * The catalog through Spark's Hive metastore client: an embedded Derby metastore on a laptop, the AWS Glue Data
 * Catalog on EMR and Glue when their catalog integration is on. Tables are Hive-format external Parquet tables,
 * as Athena and Redshift Spectrum expect.
 */
public final class HiveCatalog implements Catalog {
    /** Glue's BatchCreatePartition limit; also keeps each statement small. */
    static final int MAX_PARTITIONS_PER_STATEMENT = 100;
    private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9_.:-]+");

    private final SparkSession spark;

    public HiveCatalog(SparkSession spark) {
        this.spark = spark;
    }

    @Override
    public void ensureTable(TableRef table, DatasetSchema schema, String location) {
        spark.sql("CREATE DATABASE IF NOT EXISTS `" + table.database() + "`");
        if (tableExists(table)) {
            return;
        }
        spark.sql(HiveTableDdl.createTable(table, schema, location));
    }

    @Override
    public boolean tableExists(TableRef table) {
        return spark.catalog().tableExists(table.database(), table.table());
    }

    @Override
    public void addColumns(TableRef table, List<ColumnSpec> columns) {
        StructType current = spark.sharedState().externalCatalog().getTable(table.database(), table.table()).dataSchema();
        Map<String, StructField> existing = new HashMap<>();
        for (StructField field : current.fields()) {
            existing.put(field.name().toLowerCase(Locale.ROOT), field);
        }
        List<String> missing = new ArrayList<>();
        for (ColumnSpec column : columns) {
            StructField field = existing.get(column.name());
            if (field == null) {
                missing.add(HiveTableDdl.column(new ColumnSpec(column.name(), column.type(), true, column.doc())));
            } else if (!field.dataType().equals(DatasetStructs.sparkType(column.type()))) {
                throw new IllegalStateException("Cannot add column '" + column.name() + "' (" + column.type() + ") to "
                        + table + ": the table has it as " + field.dataType().simpleString());
            }
        }
        if (!missing.isEmpty()) {
            spark.sql("ALTER TABLE " + table.quoted() + " ADD COLUMNS (" + String.join(", ", missing) + ")");
            spark.catalog().refreshTable(table.toString());
        }
    }

    /**
     * One metastore call per value of the first partition column (one call for every hour of a day), not one per
     * partition: a run asks for the same partitions several times (merge, sizing, the publish check, the publish).
     */
    @Override
    public Map<PartitionKey, String> locations(TableRef table, List<PartitionKey> partitions) {
        Map<PartitionKey, String> found = new LinkedHashMap<>();
        if (partitions.isEmpty() || !tableExists(table)) {
            return found;
        }
        ExternalCatalog catalog = spark.sharedState().externalCatalog();
        Map<Map.Entry<String, String>, List<PartitionKey>> byFirstValue = new LinkedHashMap<>();
        for (PartitionKey key : partitions) {
            Map.Entry<String, String> first = key.values().isEmpty() ? Map.entry("", "")
                    : Map.entry(key.values().keySet().iterator().next(), key.values().values().iterator().next());
            byFirstValue.computeIfAbsent(first, f -> new ArrayList<>()).add(key);
        }
        for (Map.Entry<Map.Entry<String, String>, List<PartitionKey>> group : byFirstValue.entrySet()) {
            List<PartitionKey> keys = group.getValue();
            if (keys.size() == 1 || keys.get(0).values().size() < 2) {
                for (PartitionKey key : keys) {
                    Option<CatalogTablePartition> partition = catalog.getPartitionOption(table.database(), table.table(), scalaSpec(key));
                    if (partition.isDefined()) {
                        found.put(key, partition.get().location().toString());
                    }
                }
                continue;
            }
            Map<Map<String, String>, String> listed = new HashMap<>();
            PartitionKey prefix = new PartitionKey(table.table(), Map.of(group.getKey().getKey(), group.getKey().getValue()));
            for (CatalogTablePartition partition : JavaConverters.seqAsJavaList(
                    catalog.listPartitions(table.database(), table.table(), Option.apply(scalaSpec(prefix))))) {
                listed.put(new HashMap<>(JavaConverters.mapAsJavaMap(partition.spec())), partition.location().toString());
            }
            for (PartitionKey key : keys) {
                String location = listed.get(new HashMap<>(key.values()));
                if (location != null) {
                    found.put(key, location);
                }
            }
        }
        return found;
    }

    @Override
    public Map<PartitionKey, String> allLocations(TableRef table) {
        Map<PartitionKey, String> found = new LinkedHashMap<>();
        if (!tableExists(table)) {
            return found;
        }
        ExternalCatalog catalog = spark.sharedState().externalCatalog();
        List<String> columns = JavaConverters.seqAsJavaList(catalog.getTable(table.database(), table.table()).partitionColumnNames());
        for (CatalogTablePartition partition : JavaConverters.seqAsJavaList(
                catalog.listPartitions(table.database(), table.table(), Option.empty()))) {
            Map<String, String> spec = JavaConverters.mapAsJavaMap(partition.spec());
            found.put(PartitionKey.of(table.table(), columns, columns.stream().map(spec::get).toList()),
                    partition.location().toString());
        }
        return found;
    }

    @Override
    public List<PartitionVersion> publishedWhere(TableRef table, String column, String value) {
        if (!tableExists(table)) {
            return List.of();
        }
        safeValue(column, value);
        ExternalCatalog catalog = spark.sharedState().externalCatalog();
        List<String> partitioning = JavaConverters.seqAsJavaList(
                catalog.getTable(table.database(), table.table()).partitionColumnNames());
        List<PartitionVersion> versions = new ArrayList<>();
        for (CatalogTablePartition partition : JavaConverters.seqAsJavaList(catalog.listPartitions(
                table.database(), table.table(), Option.apply(scalaSpec(new PartitionKey(table.table(), Map.of(column, value))))))) {
            Map<String, String> spec = JavaConverters.mapAsJavaMap(partition.spec());
            PartitionKey key = PartitionKey.of(table.table(), partitioning, partitioning.stream().map(spec::get).toList());
            versions.add(new PartitionVersion(key, partition.location().toString()));
        }
        versions.sort(java.util.Comparator.comparing(PartitionVersion::partition));
        return versions;
    }

    @Override
    public void publish(TableRef table, List<PartitionVersion> versions) {
        if (versions.isEmpty()) {
            return;
        }
        // validate every partition before the first statement, so a bad value rejects the batch without moving any partition
        versions.forEach(v -> spec(v.partition()));
        Map<PartitionKey, String> existing = locations(table, versions.stream().map(PartitionVersion::partition).toList());
        List<PartitionVersion> added = new ArrayList<>();
        for (PartitionVersion version : versions) {
            if (existing.containsKey(version.partition())) {
                spark.sql("ALTER TABLE " + table.quoted() + " PARTITION (" + spec(version.partition()) + ") SET LOCATION '"
                        + literal(version.location()) + "'");
            } else {
                added.add(version);
            }
        }
        for (int from = 0; from < added.size(); from += MAX_PARTITIONS_PER_STATEMENT) {
            List<PartitionVersion> batch = added.subList(from, Math.min(added.size(), from + MAX_PARTITIONS_PER_STATEMENT));
            spark.sql("ALTER TABLE " + table.quoted() + " ADD IF NOT EXISTS " + batch.stream()
                    .map(v -> "PARTITION (" + spec(v.partition()) + ") LOCATION '" + literal(v.location()) + "'")
                    .collect(Collectors.joining(" ")));
        }
        spark.catalog().refreshTable(table.toString());
    }

    static String spec(PartitionKey key) {
        return key.values().entrySet().stream()
                .map(e -> "`" + e.getKey() + "`='" + safeValue(e.getKey(), e.getValue()) + "'")
                .collect(Collectors.joining(", "));
    }

    private static String safeValue(String column, String value) {
        if (value == null || !SAFE_VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("Cannot publish partition " + column + "='" + value
                    + "': partition values must match " + SAFE_VALUE.pattern());
        }
        return value;
    }

    static String literal(String text) {
        return text.replace("\\", "\\\\").replace("'", "\\'");
    }

    @SuppressWarnings("unchecked")
    private static scala.collection.immutable.Map<String, String> scalaSpec(PartitionKey key) {
        scala.collection.immutable.Map<String, String> spec = scala.collection.immutable.Map$.MODULE$.empty();
        for (Map.Entry<String, String> e : key.values().entrySet()) {
            spec = spec.$plus(new Tuple2<>(e.getKey(), e.getValue()));
        }
        return spec;
    }

    /** The HiveQL DDL of a curated or quarantine table (the Athena DDL in sql/athena follows the same shape). */
    public static final class HiveTableDdl {
        private HiveTableDdl() {
        }

        public static String createTable(TableRef table, DatasetSchema schema, String location) {
            List<String> columns = new ArrayList<>();
            for (ColumnSpec column : schema.columns()) {
                columns.add(column(column));
            }
            if (schema.hasLineage()) {
                columns.add("`" + DatasetStructs.SOURCE_OBJECT + "` string COMMENT 'landed object the row came from'");
                columns.add("`" + DatasetStructs.ARRIVAL_TS + "` timestamp COMMENT 'Firehose arrival time of the landed object (from its key)'");
                columns.add("`" + DatasetStructs.INGESTED_AT + "` timestamp COMMENT 'start of the run that stored the row'");
                columns.add("`" + DatasetStructs.RUN_ID + "` string COMMENT 'run that stored the row'");
            }
            String partitions = schema.partitioning().stream().map(p -> "`" + p + "` string").collect(Collectors.joining(", "));
            return "CREATE EXTERNAL TABLE IF NOT EXISTS " + table.quoted() + " (\n  "
                    + String.join(",\n  ", columns) + "\n)\n"
                    + "COMMENT '" + literal(schema.description()) + "'\n"
                    + "PARTITIONED BY (" + partitions + ")\n"
                    + "STORED AS PARQUET\n"
                    + "LOCATION '" + literal(location) + "'\n"
                    + "TBLPROPERTIES ('parquet.compression'='SNAPPY')";
        }

        /** One column definition: {@code `name` type [COMMENT '...']}. */
        static String column(ColumnSpec column) {
            return "`" + column.name() + "` " + DatasetStructs.hiveType(column.type())
                    + (column.doc().isEmpty() ? "" : " COMMENT '" + literal(column.doc()) + "'");
        }
    }
}
