package io.tidemark.warehouse.spectrum;

import io.tidemark.config.ColumnSpec;
import io.tidemark.config.ConfigException;
import io.tidemark.config.DatasetSchema;
import io.tidemark.config.SqlIdentifier;
import io.tidemark.lake.LakeArea;
import io.tidemark.lake.LakeLayout;
import io.tidemark.lake.PartitionVersion;
import io.tidemark.sources.DatasetStructs;
import io.tidemark.warehouse.SqlResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders the Redshift Spectrum DDL of the curated lake (Redshift only; PostgreSQL cannot read S3): the external
 * schema {@value #EXTERNAL_SCHEMA} over the catalog database, one external table per curated dataset derived from
 * its {@code schemas/<dataset>.json} (same columns and lineage columns, in order, with Redshift external types,
 * {@code PARTITIONED BY} the partition columns, {@code STORED AS PARQUET}), the partitions in
 * {@code ALTER TABLE ... ADD IF NOT EXISTS PARTITION ... LOCATION ...} statements of at most
 * {@value #PARTITIONS_PER_STATEMENT} partitions, and the seed's sales-by-season query as a late-binding view.
 *
 * <p>Statements are printed, never run by Tidemark: external DDL cannot run inside a transaction, and on AWS the
 * external schema alone exposes the tables Tidemark registers in the Glue Data Catalog.
 */
public final class SpectrumDdl {
    public static final String EXTERNAL_SCHEMA = "lake";
    /** Redshift's limit of partitions per ADD PARTITION statement that DESIGN.md sets for catalog calls. */
    public static final int PARTITIONS_PER_STATEMENT = 100;

    private static final String DIRECTORY = "/sql/redshift/spectrum/";
    private static final Pattern IAM_ROLE = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}");

    private final String curatedDatabase;
    private final String iamRole;
    private final LakeLayout lake;
    private final String warehouseSchema;

    /**
     * @param curatedDatabase the catalog database of the curated tables (validated identifier)
     * @param iamRole         the ARN of the role Redshift assumes for Spectrum
     * @param lakeRoot        the lake root the curated tables live under, e.g. {@code s3://bucket/tidemark}
     * @param warehouseSchema the warehouse schema holding dim_date and the views (validated identifier)
     */
    public SpectrumDdl(String curatedDatabase, String iamRole, String lakeRoot, String warehouseSchema) {
        this.curatedDatabase = SqlIdentifier.require(curatedDatabase, "catalog.curatedDatabase");
        if (iamRole == null || !IAM_ROLE.matcher(iamRole).matches()) {
            throw new ConfigException("Cannot use IAM role '" + iamRole
                    + "' for Redshift Spectrum: expected an ARN like arn:aws:iam::123456789012:role/name");
        }
        this.iamRole = iamRole;
        this.lake = new LakeLayout(Objects.requireNonNull(lakeRoot, "lakeRoot is null"));
        this.warehouseSchema = SqlIdentifier.require(warehouseSchema, "warehouse.schema");
    }

    /** {@code CREATE EXTERNAL SCHEMA IF NOT EXISTS lake FROM DATA CATALOG DATABASE ... IAM_ROLE ...}. */
    public String externalSchema() {
        return withoutHeader(SqlResource.read(DIRECTORY + "00_external_schema.sql"))
                .replace("${curated_database}", curatedDatabase)
                .replace("${iam_role}", iamRole);
    }

    /** The external table of a curated dataset, at its table root in the lake. */
    public String externalTable(DatasetSchema schema) {
        List<String> columns = new ArrayList<>();
        for (ColumnSpec column : schema.columns()) {
            columns.add(column.name() + " " + externalType(column.type()));
        }
        if (schema.hasLineage()) {
            columns.add(DatasetStructs.SOURCE_OBJECT + " VARCHAR(MAX)");
            columns.add(DatasetStructs.ARRIVAL_TS + " TIMESTAMP");
            columns.add(DatasetStructs.INGESTED_AT + " TIMESTAMP");
            columns.add(DatasetStructs.RUN_ID + " VARCHAR(MAX)");
        }
        StringBuilder sql = new StringBuilder("CREATE EXTERNAL TABLE ").append(table(schema.dataset())).append(" (\n  ")
                .append(String.join(",\n  ", columns)).append("\n)\n");
        if (!schema.partitioning().isEmpty()) {
            sql.append("PARTITIONED BY (")
                    .append(schema.partitioning().stream().map(p -> p + " VARCHAR(32)").collect(Collectors.joining(", ")))
                    .append(")\n");
        }
        return sql.append("STORED AS PARQUET\n")
                .append("LOCATION ").append(literal(lake.tableRoot(LakeArea.CURATED, schema.dataset()) + "/"))
                .toString();
    }

    /**
     * The partitions' registrations, at most {@value #PARTITIONS_PER_STATEMENT} per statement. {@code ADD IF NOT
     * EXISTS} leaves an existing partition where it points: a republished partition (a new version folder) is moved
     * with {@link #moveTo(String, PartitionVersion)}.
     */
    public List<String> addPartitions(String dataset, List<PartitionVersion> versions) {
        List<String> statements = new ArrayList<>();
        for (int start = 0; start < versions.size(); start += PARTITIONS_PER_STATEMENT) {
            List<PartitionVersion> batch = versions.subList(start, Math.min(versions.size(), start + PARTITIONS_PER_STATEMENT));
            statements.add("ALTER TABLE " + table(dataset) + " ADD IF NOT EXISTS\n" + batch.stream()
                    .map(v -> "PARTITION (" + spec(v) + ") LOCATION " + literal(folder(v.location())))
                    .collect(Collectors.joining("\n")));
        }
        return statements;
    }

    /** Points an existing partition at a republished version. */
    public String moveTo(String dataset, PartitionVersion version) {
        return "ALTER TABLE " + table(dataset) + " PARTITION (" + spec(version) + ") SET LOCATION "
                + literal(folder(version.location()));
    }

    /** The seed's total-sales-by-season query over lake.sales_changes and the local dim_date, as a late-binding view. */
    public String salesBySeasonView() {
        return withoutHeader(SqlResource.read(DIRECTORY + "30_v_sales_by_season_spectrum.sql"))
                .replace("${schema}", warehouseSchema);
    }

    /** Everything, in the order to run it: schema, tables, partitions (per dataset, in the map's order), view. */
    public List<String> all(List<DatasetSchema> schemas, Map<String, List<PartitionVersion>> partitions) {
        List<String> statements = new ArrayList<>(List.of(externalSchema()));
        schemas.forEach(schema -> statements.add(externalTable(schema)));
        partitions.forEach((dataset, versions) -> statements.addAll(addPartitions(dataset, versions)));
        statements.add(salesBySeasonView());
        return statements;
    }

    /** The Redshift external type of a schema type. */
    static String externalType(String type) {
        return switch (type) {
            case "string" -> "VARCHAR(MAX)";
            case "int" -> "INTEGER";
            case "bigint" -> "BIGINT";
            case "double" -> "DOUBLE PRECISION";
            case "boolean" -> "BOOLEAN";
            case "timestamp" -> "TIMESTAMP";
            case "date" -> "DATE";
            default -> throw new IllegalArgumentException("Cannot map column type '" + type + "' to a Redshift external type");
        };
    }

    private static String table(String dataset) {
        return EXTERNAL_SCHEMA + "." + SqlIdentifier.require(dataset, "dataset");
    }

    private static String spec(PartitionVersion version) {
        return version.partition().values().entrySet().stream()
                .map(e -> SqlIdentifier.require(e.getKey(), "partition column") + "=" + literal(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String folder(String location) {
        return location.endsWith("/") ? location : location + "/";
    }

    /** A single-quoted SQL string literal, quotes doubled. */
    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** The statement of a DDL file without its leading comment lines. */
    private static String withoutHeader(String sql) {
        return sql.lines().dropWhile(line -> line.startsWith("--")).collect(Collectors.joining("\n")).strip();
    }
}
