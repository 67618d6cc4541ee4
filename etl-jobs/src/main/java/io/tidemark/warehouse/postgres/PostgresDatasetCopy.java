package io.tidemark.warehouse.postgres;

import io.tidemark.ErrorCode;
import io.tidemark.TidemarkException;
import io.tidemark.config.SqlIdentifier;
import io.tidemark.warehouse.DatasetStaging;
import io.tidemark.warehouse.JdbcEndpoint;
import io.tidemark.warehouse.StagedRows;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

/**
 * PostgreSQL staging of a Spark Dataset by parallel COPY, the counterpart of Redshift's Parquet files in S3.
 *
 * <p>Before the load's transaction, {@link #prepare} creates an UNLOGGED table {@code <schema>.tidemark_stage_<epoch
 * seconds>_<random>} in the Dataset's columns, and every Spark task streams its partition into a child table of it
 * with {@code COPY FROM STDIN} over its own connection ({@link PartitionCopy}): the rows go from the executors to the
 * server in parallel, never through the driver. Inside the transaction (on every attempt),
 * {@link StagedRows#copyInto} fills the load's temp stage with one server-side {@code INSERT ... SELECT} from that
 * table, so the stage's own column types (lengths, numeric scales) are enforced exactly as before. Closing the staged
 * rows drops the table.
 *
 * <p>At most {@code maxConnections} tasks copy at once (the Dataset is coalesced to that many partitions when it has
 * more). A process killed between prepare and close leaves its table behind; the next prepare in the same schema
 * drops such tables once they are older than {@link #ORPHAN_AGE}. The names are unique per prepare, so two loads of
 * the same input never share one.
 */
public final class PostgresDatasetCopy implements DatasetStaging {
    /** The default cap on concurrent COPY connections. */
    public static final int DEFAULT_MAX_CONNECTIONS = 8;
    /** A staging table older than this has no load left to serve (loads finish in minutes). */
    static final Duration ORPHAN_AGE = Duration.ofDays(1);
    static final String PREFIX = "tidemark_stage_";
    private static final Pattern STAGING_TABLE = Pattern.compile(PREFIX + "(\\d{1,19})_[0-9a-f]{8}");

    private final JdbcEndpoint endpoint;
    private final String schema;
    private final int maxConnections;
    private final Clock clock;
    private final PrintStream warnings;

    /**
     * @param endpoint       where the tasks and the driver connect (carried to the executors)
     * @param schema         the warehouse schema the staging tables are created in
     * @param maxConnections how many tasks may copy at once
     * @param warnings       where a staging table that cannot be dropped is reported
     */
    public PostgresDatasetCopy(JdbcEndpoint endpoint, String schema, int maxConnections, Clock clock, PrintStream warnings) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint is null");
        this.schema = SqlIdentifier.require(schema, "warehouse.schema");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be positive, got " + maxConnections);
        }
        this.maxConnections = maxConnections;
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.warnings = Objects.requireNonNull(warnings, "warnings is null");
    }

    /** The default cap, the system clock, warnings on standard error. */
    public PostgresDatasetCopy(JdbcEndpoint endpoint, String schema) {
        this(endpoint, schema, DEFAULT_MAX_CONNECTIONS, Clock.systemUTC(), System.err);
    }

    @Override
    public StagedRows prepare(Dataset<Row> rows, String loadId) {
        List<String> columns = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
        for (StructField field : rows.schema().fields()) {
            String column = SqlIdentifier.require(field.name(), "staged column");
            columns.add(column);
            definitions.add(column + " " + PostgresColumnType.of(field));
        }
        String table = schema + "." + PREFIX + clock.instant().getEpochSecond() + "_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try {
            create(table, definitions);
        } catch (SQLException e) {
            throw new TidemarkException(ErrorCode.WAREHOUSE_FAILED, "Cannot stage the rows of load " + loadId
                    + ": creating " + table + " failed: " + e.getMessage(), e);
        }
        try {
            rows.coalesce(maxConnections).foreachPartition(new PartitionCopy(endpoint, table, columns));
        } catch (RuntimeException e) {
            drop(table);
            throw new TidemarkException(ErrorCode.WAREHOUSE_FAILED, "Cannot stage the rows of load " + loadId
                    + " into " + table + ": " + ExceptionUtils.getRootCause(e).getMessage(), e);
        }
        String insert = "INSERT INTO %s (" + String.join(", ", columns) + ") SELECT " + String.join(", ", columns)
                + " FROM " + table;
        return new StagedRows() {
            @Override
            public long copyInto(Connection connection, String stageTable) throws SQLException {
                try (Statement statement = connection.createStatement()) {
                    return statement.executeLargeUpdate(insert.formatted(stageTable));
                }
            }

            @Override
            public void close() {
                drop(table);
            }
        };
    }

    private void create(String table, List<String> definitions) throws SQLException {
        try (Connection connection = endpoint.connect(); Statement statement = connection.createStatement()) {
            for (String orphan : orphans(connection)) {
                statement.execute("DROP TABLE IF EXISTS " + schema + "." + orphan + " CASCADE");
            }
            statement.execute("CREATE UNLOGGED TABLE " + table + " (" + String.join(", ", definitions) + ")");
        }
    }

    /** Staging tables of this schema older than {@link #ORPHAN_AGE}: left by processes killed during a load. */
    private List<String> orphans(Connection connection) throws SQLException {
        long oldest = clock.instant().minus(ORPHAN_AGE).getEpochSecond();
        List<String> orphans = new ArrayList<>();
        try (var query = connection.prepareStatement(
                "SELECT tablename FROM pg_tables WHERE schemaname = ? AND tablename LIKE 'tidemark\\_stage\\_%'")) {
            query.setString(1, schema);
            try (ResultSet tables = query.executeQuery()) {
                while (tables.next()) {
                    Matcher name = STAGING_TABLE.matcher(tables.getString(1));
                    if (name.matches() && Long.parseLong(name.group(1)) < oldest) {
                        orphans.add(name.group());
                    }
                }
            }
        }
        return orphans;
    }

    private void drop(String table) {
        try (Connection connection = endpoint.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table + " CASCADE");
        } catch (SQLException e) {
            warnings.println("tidemark: WARN cannot drop the staging table " + table + " (" + e.getMessage()
                    + "); the next load in this schema drops it once it is older than " + ORPHAN_AGE.toHours() + " hours");
        }
    }
}
