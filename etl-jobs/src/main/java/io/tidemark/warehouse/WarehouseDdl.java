package io.tidemark.warehouse;

import io.tidemark.config.SqlIdentifier;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * Creates and migrates the warehouse objects from {@code sql/redshift/}, in the order data flows. Each file's
 * statement, rendered for the dialect and schema, has a SHA-256 checksum recorded in {@code schema_version} when it
 * is applied. A command whose files all match their recorded checksums runs no DDL at all (no locks that queue behind
 * BI queries, no DDL rights needed: a loader with DML rights only works once the schema is current). Otherwise one
 * transaction, holding a lock on {@code schema_version} so that concurrent commands migrate once, applies each file
 * whose checksum differs or is missing: tables with {@code CREATE TABLE IF NOT EXISTS}; a view by dropping it,
 * creating it again (CREATE OR REPLACE VIEW cannot change a column's type) and granting again what others were
 * granted on it. Views whose definition did not change are left alone, with their grants and dependent objects.
 */
public final class WarehouseDdl {
    /** The classpath folder of the Redshift DDL. */
    public static final String DIRECTORY = "/sql/redshift/";

    /** The DDL files in the order they are applied: the one place that lists them. */
    public static final List<String> FILES = List.of(
            "00_schema.sql",
            "01_schema_version.sql",
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

    /** The files that must exist before the others are compared: the schema and the version table. */
    private static final int BOOTSTRAP_FILES = 2;

    private final SqlDialect dialect;
    private final String schema;

    public WarehouseDdl(SqlDialect dialect, String schema) {
        this.dialect = Objects.requireNonNull(dialect, "dialect is null");
        this.schema = SqlIdentifier.require(schema, "warehouse.schema");
    }

    /** The statements of {@link #FILES}, rendered for this dialect, in order. */
    public List<String> statements() {
        return FILES.stream().map(this::statement).toList();
    }

    private String statement(String file) {
        return dialect.render(SqlResource.read(DIRECTORY + file), schema);
    }

    /** The view a file creates ({@code 40_v_flow_rejects_daily.sql}: {@code v_flow_rejects_daily}), if it creates one. */
    static Optional<String> view(String file) {
        String name = file.replaceFirst("^\\d+_", "").replaceFirst("\\.sql$", "");
        return name.startsWith("v_") ? Optional.of(SqlIdentifier.require(name, "view file " + file)) : Optional.empty();
    }

    /**
     * Brings the schema to the DDL of this release: nothing when it is current, else one transaction applying the
     * files that changed (see the class comment). The connection's auto-commit setting is restored.
     *
     * @return the files applied (empty when the schema was current)
     */
    public List<String> apply(Connection connection) throws SQLException {
        Map<String, String> wanted = new LinkedHashMap<>();
        FILES.forEach(file -> wanted.put(file, DigestUtils.sha256Hex(statement(file).getBytes(StandardCharsets.UTF_8))));
        if (wanted.equals(recorded(connection))) {
            return List.of();
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String file : FILES.subList(0, BOOTSTRAP_FILES)) {
                statement.execute(statement(file));
            }
            statement.execute("LOCK TABLE " + schema + ".schema_version");
            Map<String, String> recorded = recorded(connection);
            List<String> applied = new ArrayList<>();
            for (String file : FILES) {
                if (!wanted.get(file).equals(recorded.get(file))) {
                    applyFile(connection, statement, file);
                    record(connection, file, wanted.get(file));
                    applied.add(file);
                }
            }
            try (PreparedStatement stale = connection.prepareStatement("DELETE FROM " + schema + ".schema_version "
                    + "WHERE object_file = ?")) {
                for (String file : recorded.keySet()) {
                    if (!wanted.containsKey(file)) {
                        stale.setString(1, file);
                        stale.executeUpdate();
                    }
                }
            }
            connection.commit();
            return applied;
        } catch (SQLException | RuntimeException e) {
            RollbackOnFailure.rollback(connection, e);
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private void applyFile(Connection connection, Statement statement, String file) throws SQLException {
        Optional<String> view = view(file);
        if (view.isEmpty()) {
            statement.execute(statement(file));
            return;
        }
        ViewGrants grants = ViewGrants.of(connection, schema, view.get());
        statement.execute("DROP VIEW IF EXISTS " + schema + "." + view.get());
        statement.execute(statement(file));
        grants.restore(statement);
    }

    private void record(Connection connection, String file, String checksum) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + schema + ".schema_version WHERE object_file = ?");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema + ".schema_version "
                     + "(object_file, checksum, applied_at) VALUES (?, ?, ?)")) {
            delete.setString(1, file);
            delete.executeUpdate();
            insert.setString(1, file);
            insert.setString(2, checksum);
            insert.setObject(3, LocalDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    /** The recorded checksum per file; empty when the schema has no {@code schema_version} table yet. */
    private Map<String, String> recorded(Connection connection) throws SQLException {
        Map<String, String> recorded = new LinkedHashMap<>();
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM information_schema.tables "
                + "WHERE table_schema = ? AND table_name = 'schema_version'")) {
            exists.setString(1, schema);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) {
                    return recorded;
                }
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT object_file, checksum FROM " + schema + ".schema_version")) {
            while (rows.next()) {
                recorded.put(rows.getString(1), rows.getString(2));
            }
        }
        return recorded;
    }
}
