package io.tidemark.cli;

import io.tidemark.config.ConfigException;
import io.tidemark.config.SqlIdentifier;
import io.tidemark.jobs.TidemarkRuntime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Runs one SQL statement against the warehouse or, through Spark and the catalog, the lake. */
final class QueryRunner {
    /** At most this many rows are printed; the result line says when a result was cut. */
    static final int MAX_ROWS = 10_000;

    private final TidemarkRuntime runtime;

    QueryRunner(TidemarkRuntime runtime) {
        this.runtime = runtime;
    }

    /** The warehouse, with the configured schema first on the search path. */
    ResultTable warehouse(String sql) throws SQLException {
        String schema = SqlIdentifier.require(runtime.config().warehouse().schema(), "warehouse.schema");
        try (Connection connection = runtime.existingWarehouse().open(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + schema + ", public");
            statement.setMaxRows(MAX_ROWS);
            if (!statement.execute(sql)) {
                return new ResultTable(List.of("rows_affected"), List.of(List.of(statement.getUpdateCount())));
            }
            try (ResultSet rs = statement.getResultSet()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnLabel(i));
                }
                List<List<Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
                return new ResultTable(columns, rows);
            }
        }
    }

    /** One line per curated table: rows, partitions, landed objects it came from. */
    ResultTable lakeSummary() {
        SparkSession spark = sparkSqlOverTheCatalog();
        String database = runtime.config().catalog().curatedDatabase();
        List<List<Object>> rows = new ArrayList<>();
        {
            for (String table : tableNames(spark, database)) {
                Row counts = spark.sql("SELECT count(*), count(DISTINCT dt), count(DISTINCT _source_object) FROM `"
                        + database + "`.`" + table + "`").first();
                rows.add(List.of(database + "." + table, counts.getLong(0), counts.getLong(1), counts.getLong(2)));
            }
        }
        rows.sort(java.util.Comparator.comparing(r -> r.get(0).toString()));
        return new ResultTable(List.of("table", "rows", "days", "source_objects"), rows);
    }

    /** Records per quarantine table (one per job) and reason code. */
    ResultTable quarantineSummary() {
        SparkSession spark = sparkSqlOverTheCatalog();
        String database = runtime.config().catalog().quarantineDatabase();
        List<List<Object>> rows = new ArrayList<>();
        for (String table : tableNames(spark, database)) {
            for (Row row : spark.sql("SELECT reason_code, count(*), count(DISTINCT source_object) FROM `" + database + "`.`"
                    + table + "` GROUP BY reason_code ORDER BY reason_code").collectAsList()) {
                rows.add(List.of(database + "." + table, row.getString(0), row.getLong(1), row.getLong(2)));
            }
        }
        return new ResultTable(List.of("table", "reason_code", "records", "objects"), rows);
    }

    /** The session, if Spark SQL knows the catalog's tables by name (not so for catalog.kind = glue). */
    private SparkSession sparkSqlOverTheCatalog() {
        if (!runtime.catalog().tablesVisibleToSparkSql()) {
            throw new ConfigException("Cannot query the lake with Spark SQL when catalog.kind = glue: that catalog is"
                    + " reached through the AWS SDK and Spark SQL does not know its tables by name. Query the tables with"
                    + " Athena, or use catalog.kind = hive on a Spark runtime whose metastore client is the Glue Data"
                    + " Catalog (EMR or AWS Glue with the Glue catalog integration on)");
        }
        return runtime.spark();
    }

    private static List<String> tableNames(SparkSession spark, String database) {
        if (!spark.catalog().databaseExists(database)) {
            return List.of();
        }
        try {
            return spark.catalog().listTables(database).collectAsList().stream()
                    .map(org.apache.spark.sql.catalog.Table::name).sorted().toList();
        } catch (org.apache.spark.sql.AnalysisException e) {
            throw new IllegalStateException("Cannot list the tables of " + database + ": " + e.getMessage(), e);
        }
    }

    /** Whether the curated database holds {@code table} (a landing without that family has none). */
    boolean lakeHasTable(String table) {
        return tableNames(sparkSqlOverTheCatalog(), runtime.config().catalog().curatedDatabase()).contains(table);
    }

    /** The lake as Athena would see it: Spark SQL over the catalog, the curated database as default. */
    ResultTable lake(String sql) {
        SparkSession spark = sparkSqlOverTheCatalog();
        String database = runtime.config().catalog().curatedDatabase();
        spark.sql("CREATE DATABASE IF NOT EXISTS `" + database + "`");
        spark.sql("USE `" + database + "`");
        org.apache.spark.sql.Dataset<Row> result = spark.sql(sql);
        List<String> columns = List.of(result.columns());
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : result.limit(MAX_ROWS).collectAsList()) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < row.length(); i++) {
                values.add(row.get(i));
            }
            rows.add(values);
        }
        return new ResultTable(columns, rows);
    }
}
