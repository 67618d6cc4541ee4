package io.tidemark.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.testing.WarehouseFixture;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WarehouseDdlTest {
    @RegisterExtension
    static final WarehouseFixture warehouse = WarehouseFixture.bare();

    @Test
    void appliesTwiceWithoutError() throws Exception {
        WarehouseDdl ddl = new WarehouseDdl(SqlDialect.POSTGRES, "tidemark");
        try (Connection connection = warehouse.connect()) {
            ddl.apply(connection);
            ddl.apply(connection);

            assertThat(TableDump.of(connection, "SELECT table_name, table_type FROM information_schema.tables "
                    + "WHERE table_schema = 'tidemark' ORDER BY table_name")).containsExactly(
                    "dim_article|BASE TABLE",
                    "dim_date|BASE TABLE",
                    "dim_item|BASE TABLE",
                    "dim_network_interface|BASE TABLE",
                    "dim_user|BASE TABLE",
                    "etl_load_audit|BASE TABLE",
                    "fact_article_events|BASE TABLE",
                    "fact_email_events|BASE TABLE",
                    "fact_flow_hourly|BASE TABLE",
                    "fact_sales|BASE TABLE",
                    "fact_security_findings|BASE TABLE",
                    "schema_version|BASE TABLE",
                    "v_article_ctr_daily|VIEW",
                    "v_email_engagement_daily|VIEW",
                    "v_flow_rejects_daily|VIEW",
                    "v_sales_by_season|VIEW",
                    "v_sales_by_weekday|VIEW");
            assertThat(connection.getAutoCommit()).isTrue();
        }
    }

    @Test
    void aViewFromAnOlderReleaseWithOtherColumnTypesIsReplaced() throws Exception {
        try (Connection connection = warehouse.connect()) {
            try (var statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS oldviews");
                statement.execute("CREATE VIEW oldviews.v_flow_rejects_daily AS SELECT CURRENT_DATE AS d_prettydate, "
                        + "'eni-1'::varchar AS interface_id, 1.5::numeric AS flows, 2.5::numeric AS bytes");
            }
            new WarehouseDdl(SqlDialect.POSTGRES, "oldviews").apply(connection);

            assertThat(TableDump.of(connection, "SELECT data_type FROM information_schema.columns WHERE table_schema = "
                    + "'oldviews' AND table_name = 'v_flow_rejects_daily' AND column_name = 'flows'")).containsExactly("bigint");
        }
    }

    @Test
    void createdColumnsAreTheColumnsOfTheRedshiftFiles() throws Exception {
        try (Connection connection = warehouse.connect()) {
            new WarehouseDdl(SqlDialect.POSTGRES, "bi").apply(connection);
            Map<String, List<TableDefinitions.Column>> redshift =
                    TableDefinitions.parse(String.join(";\n", new WarehouseDdl(SqlDialect.REDSHIFT, "bi").statements()));

            redshift.forEach((table, columns) -> {
                String name = table.substring("bi.".length());
                List<String> created = query(connection, "SELECT column_name FROM information_schema.columns "
                        + "WHERE table_schema = 'bi' AND table_name = '" + name + "' ORDER BY ordinal_position");
                assertThat(created).as(table).containsExactlyElementsOf(
                        columns.stream().map(TableDefinitions.Column::name).toList());
            });
            assertThat(query(connection, "SELECT column_name FROM information_schema.columns WHERE table_schema = 'bi' "
                    + "AND table_name = 'v_flow_rejects_daily' ORDER BY ordinal_position"))
                    .containsExactly("d_prettydate", "interface_id", "flows", "bytes");
            assertThat(query(connection, "SELECT column_name FROM information_schema.columns WHERE table_schema = 'bi' "
                    + "AND table_name = 'v_sales_by_season' ORDER BY ordinal_position"))
                    .containsExactly("d_season", "total_sales");
            assertThat(query(connection, "SELECT column_name FROM information_schema.columns WHERE table_schema = 'bi' "
                    + "AND table_name = 'v_sales_by_weekday' ORDER BY ordinal_position"))
                    .containsExactly("d_dayofweek", "total_sales");
        }
    }

    @Test
    void populatesOnlyMissingDays() throws Exception {
        try (Connection connection = warehouse.connect()) {
            new WarehouseDdl(SqlDialect.POSTGRES, "dates").apply(connection);
            DimDatePopulator populator = new DimDatePopulator("dates");

            assertThat(populator.populate(connection, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30))).isEqualTo(30);
            assertThat(populator.populate(connection, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31))).isEqualTo(31);
            assertThat(populator.populate(connection, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31))).isZero();

            assertThat(TableDump.of(connection, "SELECT * FROM dates.dim_date WHERE d_datekey IN (20261125, 20261201) "
                    + "ORDER BY d_datekey")).containsExactly(
                    "20261125|25|11|Wednesday|2026-11-25|4|2|2026|Autumn|2026",
                    "20261201|1|12|Tuesday|2026-12-01|4|2|2026|Winter|2026");
            assertThat(TableDump.of(connection, "SELECT COUNT(*), COUNT(DISTINCT d_datekey) FROM dates.dim_date"))
                    .containsExactly("61|61");
        }
    }

    @Test
    void aGrantOnAViewSurvivesTheNextCommand() throws Exception {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            new WarehouseDdl(SqlDialect.POSTGRES, "granted").apply(connection);
            statement.execute("CREATE ROLE quicksight_granted");
            statement.execute("GRANT USAGE ON SCHEMA granted TO quicksight_granted");
            statement.execute("GRANT SELECT ON granted.v_sales_by_season TO quicksight_granted");

            new WarehouseDdl(SqlDialect.POSTGRES, "granted").apply(connection);

            assertThat(query(connection, "SELECT has_table_privilege('quicksight_granted', 'granted.v_sales_by_season', 'SELECT')"))
                    .containsExactly("true");
        }
    }

    @Test
    void aLoaderWithDmlRightsOnlyWorksOnceTheSchemaIsCurrent() throws Exception {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            new WarehouseDdl(SqlDialect.POSTGRES, "dml").apply(connection);
            statement.execute("CREATE ROLE loader_dml");
            statement.execute("GRANT USAGE ON SCHEMA dml TO loader_dml");
            statement.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA dml TO loader_dml");
            statement.execute("SET ROLE loader_dml");
            try {
                new WarehouseDdl(SqlDialect.POSTGRES, "dml").apply(connection);
                assertThat(new DimDatePopulator("dml").populate(connection, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2)))
                        .isEqualTo(2);
            } finally {
                statement.execute("RESET ROLE");
            }
        }
    }

    @Test
    void aChangedViewDefinitionIsAppliedOnceAndKeepsItsGrants() throws Exception {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            new WarehouseDdl(SqlDialect.POSTGRES, "changed").apply(connection);
            statement.execute("CREATE ROLE analyst_changed");
            statement.execute("GRANT SELECT ON changed.v_sales_by_season TO analyst_changed WITH GRANT OPTION");
            String season = viewOid(connection, "v_sales_by_season");
            String weekday = viewOid(connection, "v_sales_by_weekday");
            // what an older release applied: another definition of the season view
            statement.execute("UPDATE changed.schema_version SET checksum = repeat('0', 64) "
                    + "WHERE object_file = '43_v_sales_by_season.sql'");

            new WarehouseDdl(SqlDialect.POSTGRES, "changed").apply(connection);
            String recreated = viewOid(connection, "v_sales_by_season");
            new WarehouseDdl(SqlDialect.POSTGRES, "changed").apply(connection);

            assertThat(recreated).as("the changed view is recreated").isNotEqualTo(season);
            assertThat(viewOid(connection, "v_sales_by_season")).as("once").isEqualTo(recreated);
            assertThat(viewOid(connection, "v_sales_by_weekday")).as("an unchanged view is left alone").isEqualTo(weekday);
            assertThat(query(connection, "SELECT privilege_type, is_grantable FROM information_schema.table_privileges "
                    + "WHERE table_schema = 'changed' AND table_name = 'v_sales_by_season' AND grantee = 'analyst_changed'"))
                    .containsExactly("SELECT|YES");
            assertThat(query(connection, "SELECT count(*) FROM changed.schema_version WHERE checksum = repeat('0', 64)"))
                    .containsExactly("0");
        }
    }

    private static String viewOid(Connection connection, String view) {
        return query(connection, "SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = 'changed' AND c.relname = '" + view + "'").get(0);
    }

    private static List<String> query(Connection connection, String sql) {
        try {
            return TableDump.of(connection, sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
