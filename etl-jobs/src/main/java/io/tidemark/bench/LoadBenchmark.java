package io.tidemark.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.when;

import io.tidemark.warehouse.model.EmailEventsModel;
import io.tidemark.warehouse.AuditedLoadResult;
import io.tidemark.warehouse.EmbeddedWarehouse;
import io.tidemark.warehouse.HourPartition;
import io.tidemark.warehouse.LoadAudit;
import io.tidemark.warehouse.RetryPolicy;
import io.tidemark.warehouse.StagedTableLoad;
import io.tidemark.warehouse.WarehouseConnector;
import io.tidemark.warehouse.JdbcEndpoint;
import io.tidemark.warehouse.postgres.PostgresCsvCopy;
import io.tidemark.warehouse.postgres.PostgresDatasetCopy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

/**
 * Times two ways of getting the same fact rows into the embedded PostgreSQL: Tidemark's load path (COPY FROM STDIN
 * into a temp stage, delete-then-insert of the day's 24 hours, audit row, one transaction, ANALYZE) and Spark's
 * {@code DataFrame.write().jdbc()} (batched INSERTs, appended, no transaction over the whole load). The rows are
 * {@code fact_email_events} rows of one day, generated and cached before timing, so both sides time loading only.
 */
public final class LoadBenchmark {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private static final String SCHEMA = "tidemark";

    public static final String TIDEMARK = "tidemark COPY + delete/insert + audit";
    public static final String SPARK_JDBC = "Spark DataFrame.write().jdbc()";
    public static final String RAW_COPY = "raw parallel COPY FROM STDIN";

    private final SparkSession spark;
    private final EmbeddedWarehouse warehouse;

    /** One measured run of one path. */
    public record Timing(String path, long rows, long millis) {
        public double rowsPerSecond() {
            return rows * 1000.0 / Math.max(1, millis);
        }
    }

    public LoadBenchmark(SparkSession spark, EmbeddedWarehouse warehouse) {
        this.spark = spark;
        this.warehouse = warehouse;
    }

    /** The generated rows, cached: message ids, four event types, hashed recipients, a link on clicks. */
    public Dataset<Row> rows(long count) {
        Dataset<Row> rows = spark.range(count).select(
                lit(Integer.parseInt(DAY.toString().replace("-", ""))).as("datekey"),
                timestamp_seconds(lit(DAY.toEpochDay() * 86_400L).plus(col("id").mod(86_400L))).as("event_ts"),
                concat(lit("0100018d-"), col("id").divide(4).cast("long").cast("string")).as("message_id"),
                element_at(array(lit("Send"), lit("Delivery"), lit("Open"), lit("Click")),
                        col("id").mod(4).plus(1).cast("int")).as("event_type"),
                sha2(concat(lit("user"), col("id").mod(50_000L).cast("string"), lit("@example.com")), 256).as("recipient_hash"),
                lit(null).cast("string").as("bounce_type"),
                lit(null).cast("string").as("complaint_type"),
                when(col("id").mod(4).equalTo(3), concat(lit("https://example.com/a/"), col("id").cast("string")))
                        .as("link"));
        rows.cache();
        rows.count();
        return rows;
    }

    /** Tidemark's path: StagedTableLoad of fact_email_events replacing the day's 24 hours. */
    public Timing tidemarkLoad(Dataset<Row> rows, int iteration) throws SQLException {
        WarehouseConnector connector = WarehouseConnector.embedded(warehouse);
        List<HourPartition> hours = IntStream.range(0, 24).mapToObj(hr -> HourPartition.of(DAY, hr)).toList();
        LoadAudit audit = new LoadAudit("fact_email_events", DAY.toString(), "bench-" + System.nanoTime(), "bench-" + iteration);
        long started = System.nanoTime();
        AuditedLoadResult result = new StagedTableLoad(connector, SCHEMA, new PostgresDatasetCopy(connector.endpoint(), SCHEMA),
                RetryPolicy.defaults(),
                Clock.systemUTC()).load(EmailEventsModel.script(), audit, hours, rows);
        return new Timing(TIDEMARK, result.rows(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Spark's JDBC writer appending the same rows into the emptied fact table. */
    public Timing sparkJdbc(Dataset<Row> rows) throws SQLException {
        execute("TRUNCATE " + SCHEMA + ".fact_email_events");
        Properties properties = new Properties();
        properties.setProperty("driver", "org.postgresql.Driver");
        long count = rows.count();
        long started = System.nanoTime();
        rows.write().mode(SaveMode.Append).jdbc(warehouse.jdbcUrl(), SCHEMA + ".fact_email_events", properties);
        return new Timing(SPARK_JDBC, count, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The ceiling: the same rows streamed from the executors straight into the emptied fact table, each task with
     * {@code COPY FROM STDIN} over its own connection, autocommit: no stage, no delete/insert, no audit, and no
     * protection against a retried task copying its rows twice.
     */
    public Timing rawCopy(Dataset<Row> rows) throws SQLException {
        execute("TRUNCATE " + SCHEMA + ".fact_email_events");
        JdbcEndpoint endpoint = WarehouseConnector.embedded(warehouse).endpoint();
        String table = SCHEMA + ".fact_email_events";
        List<String> columns = List.of(rows.columns());
        LongAccumulator copied = spark.sparkContext().longAccumulator("raw COPY rows");
        long started = System.nanoTime();
        rows.foreachPartition((ForeachPartitionFunction<Row>) partition -> {
            try (Connection connection = endpoint.connect()) {
                copied.add(new PostgresCsvCopy(table, columns).copyRows(connection, partition));
            }
        });
        return new Timing(RAW_COPY, copied.value(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Empties the fact table so each run starts from the same state. */
    public void reset() throws SQLException {
        execute("TRUNCATE " + SCHEMA + ".fact_email_events");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = warehouse.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
