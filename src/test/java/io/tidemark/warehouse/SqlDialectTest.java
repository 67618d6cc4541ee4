package io.tidemark.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SqlDialectTest {
    private static final Pattern REDSHIFT_ONLY = Pattern.compile(
            "\\b(ENCODE|DISTSTYLE|DISTKEY|SORTKEY|COMPOUND|INTERLEAVED|BACKUP)\\b|VARCHAR\\s*\\(\\s*MAX", Pattern.CASE_INSENSITIVE);

    @Test
    void ddlFileListMatchesTheSqlFolder() throws IOException {
        Path folder = Path.of(System.getProperty("tidemark.repo.root", "."), "sql", "redshift");
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".sql")).sorted().toList();
            assertThat(WarehouseDdl.FILES).isEqualTo(names);
        }
    }

    @Test
    void everyDdlFileStartsWithAHeaderStatingItsGrain() {
        for (String file : WarehouseDdl.FILES) {
            String sql = SqlResource.read(WarehouseDdl.DIRECTORY + file);
            assertThat(sql).as(file).startsWith("-- Object:");
            assertThat(sql).as(file).contains("-- Grain:");
        }
    }

    @Test
    void postgresRenderingHasNoRedshiftTableDesignLeft() {
        for (String statement : new WarehouseDdl(SqlDialect.POSTGRES, "tidemark").statements()) {
            assertThat(REDSHIFT_ONLY.matcher(statement).find()).as(statement).isFalse();
            assertThat(statement).doesNotContain("${schema}");
        }
    }

    @Test
    void redshiftRenderingKeepsTableDesignAndSubstitutesOnlyTheSchema() {
        String fact = SqlResource.read(WarehouseDdl.DIRECTORY + "20_fact_flow_hourly.sql");
        String rendered = SqlDialect.REDSHIFT.render(fact, "analytics");

        assertThat(rendered).isEqualTo(fact.replace("${schema}", "analytics"));
        assertThat(rendered).contains("CREATE TABLE IF NOT EXISTS analytics.fact_flow_hourly", "DISTKEY (interface_key)",
                "COMPOUND SORTKEY (datekey, hr)", "ENCODE AZ64", "ENCODE ZSTD");
    }

    @Test
    void bothRenderingsDefineTheSameTablesAndColumns() {
        Map<String, List<TableDefinitions.Column>> redshift =
                TableDefinitions.parse(String.join(";\n", new WarehouseDdl(SqlDialect.REDSHIFT, "tidemark").statements()));
        Map<String, List<TableDefinitions.Column>> postgres =
                TableDefinitions.parse(String.join(";\n", new WarehouseDdl(SqlDialect.POSTGRES, "tidemark").statements()));

        assertThat(redshift.keySet()).containsExactly("tidemark.schema_version", "tidemark.dim_date", "tidemark.dim_network_interface",
                "tidemark.dim_article", "tidemark.dim_item", "tidemark.dim_user", "tidemark.fact_flow_hourly",
                "tidemark.fact_article_events", "tidemark.fact_email_events", "tidemark.fact_security_findings",
                "tidemark.fact_sales", "tidemark.etl_load_audit");
        assertThat(postgres.keySet()).containsExactlyElementsOf(redshift.keySet());
        redshift.forEach((table, columns) -> {
            assertThat(names(postgres.get(table))).as(table).containsExactlyElementsOf(names(columns));
            assertThat(postgres.get(table).stream().map(TableDefinitions.Column::type).toList()).as(table)
                    .containsExactlyElementsOf(columns.stream()
                            .map(column -> column.type().replace("VARCHAR(MAX)", "VARCHAR(65535)")).toList());
        });
        assertThat(names(redshift.get("tidemark.fact_flow_hourly"))).containsExactly(
                "datekey", "hr", "interface_key", "action", "protocol", "flows", "packets", "bytes");
    }

    @Test
    void firstSortKeyColumnIsNeverCompressed() {
        Pattern sortKey = Pattern.compile("SORTKEY\\s*\\(\\s*(\\w+)", Pattern.CASE_INSENSITIVE);
        for (String statement : new WarehouseDdl(SqlDialect.REDSHIFT, "tidemark").statements()) {
            Matcher matcher = sortKey.matcher(statement);
            if (!matcher.find()) {
                continue;
            }
            String first = matcher.group(1);
            TableDefinitions.parse(statement).values().iterator().next().stream()
                    .filter(column -> column.name().equals(first))
                    .forEach(column -> assertThat(column.definition()).as(statement).containsAnyOf("ENCODE RAW")
                            .doesNotContain("AZ64", "ZSTD"));
        }
    }

    @Test
    void rendersTheDialectOfAJdbcUrl() {
        assertThat(SqlDialect.ofJdbcUrl("jdbc:redshift://example:5439/dev")).isEqualTo(SqlDialect.REDSHIFT);
        assertThat(SqlDialect.ofJdbcUrl("jdbc:postgresql://localhost/postgres")).isEqualTo(SqlDialect.POSTGRES);
    }

    @Test
    void rejectsASchemaThatIsNotAPlainIdentifier() {
        assertThatThrownBy(() -> SqlDialect.POSTGRES.render("SELECT 1 FROM ${schema}.t", "x; DROP TABLE y"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("warehouse.schema");
    }

    @Test
    void stripsEveryRedshiftTableAttributeForm() {
        String sql = "CREATE TABLE ${schema}.t (a INT ENCODE az64, b VARCHAR(MAX) ENCODE zstd)\n"
                + "BACKUP NO DISTSTYLE KEY DISTKEY(a) INTERLEAVED SORTKEY (a, b);\n"
                + "CREATE TABLE ${schema}.u (a INT) DISTSTYLE EVEN SORTKEY AUTO BACKUP YES;";

        assertThat(SqlDialect.POSTGRES.render(sql, "s")).isEqualTo(
                "CREATE TABLE s.t (a INT, b VARCHAR(65535));\nCREATE TABLE s.u (a INT);");
    }

    private static List<String> names(List<TableDefinitions.Column> columns) {
        return columns.stream().map(TableDefinitions.Column::name).toList();
    }
}
