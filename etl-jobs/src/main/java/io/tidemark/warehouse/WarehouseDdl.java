package io.tidemark.warehouse;

import io.tidemark.config.SqlIdentifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;

/**
 * Creates the warehouse objects from {@code sql/redshift/}, in the order data flows, in one transaction.
 * Every file creates one object with {@code IF NOT EXISTS} or {@code OR REPLACE}, so applying twice is a no-op;
 * views are dropped and created again in the same transaction, so a view whose column types changed is replaced.
 */
public final class WarehouseDdl {
    /** The classpath folder of the Redshift DDL. */
    public static final String DIRECTORY = "/sql/redshift/";

    /** The DDL files in the order they are applied: the one place that lists them. */
    public static final List<String> FILES = List.of(
            "00_schema.sql",
            "10_dim_date.sql",
            "11_dim_network_interface.sql",
            "12_dim_article.sql",
            "13_dim_item.sql",
            "14_dim_user.sql",
            "20_fact_flow_hourly.sql",
            "21_fact_article_events.sql",
            "22_fact_email_events.sql",
            "23_fact_security_findings.sql",
            "24_fact_sales.sql",
            "30_etl_load_audit.sql",
            "40_v_flow_rejects_daily.sql",
            "41_v_article_ctr_daily.sql",
            "42_v_email_engagement_daily.sql",
            "43_v_sales_by_season.sql",
            "44_v_sales_by_weekday.sql");

    private final SqlDialect dialect;
    private final String schema;

    public WarehouseDdl(SqlDialect dialect, String schema) {
        this.dialect = Objects.requireNonNull(dialect, "dialect is null");
        this.schema = SqlIdentifier.require(schema, "warehouse.schema");
    }

    /** The statements of {@link #FILES}, rendered for this dialect, in order. */
    public List<String> statements() {
        return FILES.stream().map(file -> dialect.render(SqlResource.read(DIRECTORY + file), schema)).toList();
    }

    /** The views among {@link #FILES}, by their file names ({@code 40_v_flow_rejects_daily.sql}), last first. */
    List<String> views() {
        List<String> views = new java.util.ArrayList<>();
        for (String file : FILES) {
            String name = file.replaceFirst("^\\d+_", "").replaceFirst("\\.sql$", "");
            if (name.startsWith("v_")) {
                views.add(0, SqlIdentifier.require(name, "view file " + file));
            }
        }
        return views;
    }

    /** Applies every statement in one transaction; the connection's auto-commit setting is restored. */
    public void apply(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            // views hold no data: recreate them, since CREATE OR REPLACE VIEW cannot change a column's type
            for (String view : views()) {
                statement.execute("DROP VIEW IF EXISTS " + schema + "." + view);
            }
            for (String sql : statements()) {
                statement.execute(sql);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            RollbackOnFailure.rollback(connection, e);
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
