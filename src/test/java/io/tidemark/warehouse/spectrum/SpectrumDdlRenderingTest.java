package io.tidemark.warehouse.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.config.ConfigException;
import io.tidemark.config.DatasetSchema;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.config.PartitionKey;
import io.tidemark.lake.PartitionVersion;
import io.tidemark.sources.DatasetStructs;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

/** The Spectrum DDL, checked by rendering (Redshift only: nothing here can run on the embedded PostgreSQL). */
class SpectrumDdlRenderingTest {
    private static final String ROLE = "arn:aws:iam::111122223333:role/tidemark-spectrum";
    private static final List<String> CURATED = List.of("app_logs", "click_events", "guardduty_findings",
            "sales_changes", "ses_events", "users_ref", "vpc_flow_logs");
    private static final Pattern COLUMN = Pattern.compile("^  (\\w+) ([A-Z ]+(?:\\(MAX\\))?),?$", Pattern.MULTILINE);

    private final SpectrumDdl ddl = new SpectrumDdl("curated", ROLE, "s3://lake-bucket/tidemark", "tidemark");

    @Test
    void externalSchemaReadsTheCuratedCatalogDatabaseWithTheRole() {
        assertThat(ddl.externalSchema()).isEqualTo("""
                CREATE EXTERNAL SCHEMA IF NOT EXISTS lake
                FROM DATA CATALOG DATABASE 'curated'
                IAM_ROLE 'arn:aws:iam::111122223333:role/tidemark-spectrum'
                CREATE EXTERNAL DATABASE IF NOT EXISTS""");
    }

    @Test
    void salesChangesRendersItsSchemaColumnsLineageAndPartitioning() {
        assertThat(ddl.externalTable(DatasetSchemas.get("sales_changes"))).isEqualTo("""
                CREATE EXTERNAL TABLE lake.sales_changes (
                  change_key VARCHAR(MAX),
                  source VARCHAR(MAX),
                  op VARCHAR(MAX),
                  sale_id VARCHAR(MAX),
                  change_ts TIMESTAMP,
                  source_seq VARCHAR(MAX),
                  item_id VARCHAR(MAX),
                  category VARCHAR(MAX),
                  price DOUBLE PRECISION,
                  quantity INTEGER,
                  order_date TIMESTAMP,
                  destination_state VARCHAR(MAX),
                  shipping_type VARCHAR(MAX),
                  referral VARCHAR(MAX),
                  _source_object VARCHAR(MAX),
                  _arrival_ts TIMESTAMP,
                  _ingested_at TIMESTAMP,
                  _run_id VARCHAR(MAX)
                )
                PARTITIONED BY (dt VARCHAR(32))
                STORED AS PARQUET
                LOCATION 's3://lake-bucket/tidemark/curated/sales_changes/'""");
    }

    @Test
    void everyCuratedTableHasTheColumnsSparkWritesInTheirOrderWithMatchingTypes() {
        for (String dataset : CURATED) {
            DatasetSchema schema = DatasetSchemas.get(dataset);
            String sql = ddl.externalTable(schema);
            List<String> rendered = new ArrayList<>();
            Matcher column = COLUMN.matcher(sql.substring(0, sql.indexOf("\n)\n")));
            while (column.find()) {
                rendered.add(column.group(1) + " " + column.group(2));
            }
            List<String> written = new ArrayList<>();
            for (StructField field : DatasetStructs.curatedRow(schema).fields()) {
                if (!schema.partitioning().contains(field.name())) {
                    written.add(field.name() + " " + redshiftTypeOf(field.dataType().typeName()));
                }
            }
            assertThat(rendered).as(dataset).isEqualTo(written);
            assertThat(sql).as(dataset).contains("PARTITIONED BY (" + String.join(", ",
                    schema.partitioning().stream().map(p -> p + " VARCHAR(32)").toList()) + ")\nSTORED AS PARQUET");
        }
        assertThat(ddl.externalTable(DatasetSchemas.get("vpc_flow_logs"))).contains("PARTITIONED BY (dt VARCHAR(32), hr VARCHAR(32))");
    }

    @Test
    void partitionsAreAddedInStatementsOfAtMostOneHundred() {
        List<PartitionVersion> versions = new ArrayList<>();
        LocalDate day = LocalDate.of(2026, 1, 1);
        for (int i = 0; i < 250; i++) {
            versions.add(new PartitionVersion(PartitionKey.of("sales_changes", List.of("dt"), List.of(day.plusDays(i).toString())),
                    "s3://lake-bucket/tidemark/curated/sales_changes/v-run" + i + "/dt=" + day.plusDays(i)));
        }

        List<String> statements = ddl.addPartitions("sales_changes", versions);

        assertThat(statements).hasSize(3);
        assertThat(statements).allSatisfy(s -> assertThat(s).startsWith("ALTER TABLE lake.sales_changes ADD IF NOT EXISTS\nPARTITION ("));
        assertThat(statements.stream().map(s -> count(s, "PARTITION (")).toList()).containsExactly(100, 100, 50);
        assertThat(statements.get(0)).contains("PARTITION (dt='2026-01-01') LOCATION "
                + "'s3://lake-bucket/tidemark/curated/sales_changes/v-run0/dt=2026-01-01/'\nPARTITION (dt='2026-01-02')");
        assertThat(String.join("\n", statements)).contains("PARTITION (dt='" + day.plusDays(249) + "')");
        assertThat(ddl.addPartitions("vpc_flow_logs", List.of(new PartitionVersion(
                PartitionKey.of("vpc_flow_logs", List.of("dt", "hr"), List.of("2026-11-24", "10")), "s3://b/it's/"))))
                .containsExactly("ALTER TABLE lake.vpc_flow_logs ADD IF NOT EXISTS\n"
                        + "PARTITION (dt='2026-11-24', hr='10') LOCATION 's3://b/it''s/'");
    }

    @Test
    void theSeedsQueryIsALateBindingViewOverTheExternalTableAndTheLocalDimDate() {
        String view = ddl.salesBySeasonView();

        assertThat(view).startsWith("CREATE OR REPLACE VIEW tidemark.v_sales_by_season_spectrum AS")
                .contains("FROM lake.sales_changes c", "JOIN tidemark.dim_date d", "SUM(CAST(s.price AS DECIMAL(18,4)) * s.quantity)")
                .endsWith("WITH NO SCHEMA BINDING")
                .doesNotContain("${");
        assertThat(ddl.all(List.of(DatasetSchemas.get("users_ref")), Map.of())).containsExactly(
                ddl.externalSchema(), ddl.externalTable(DatasetSchemas.get("users_ref")), view);
    }

    @Test
    void aRoleThatIsNotAnIamRoleArnIsRefused() {
        assertThatThrownBy(() -> new SpectrumDdl("curated", "arn:aws:iam::1:role/x' --", "s3://b", "tidemark"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("Cannot use IAM role");
        assertThatThrownBy(() -> new SpectrumDdl("Curated; DROP", ROLE, "s3://b", "tidemark"))
                .isInstanceOf(ConfigException.class);
    }

    private static String redshiftTypeOf(String sparkType) {
        return switch (sparkType) {
            case "string" -> "VARCHAR(MAX)";
            case "integer" -> "INTEGER";
            case "long" -> "BIGINT";
            case "double" -> "DOUBLE PRECISION";
            case "boolean" -> "BOOLEAN";
            case "timestamp" -> "TIMESTAMP";
            case "date" -> "DATE";
            default -> throw new IllegalArgumentException(sparkType);
        };
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
