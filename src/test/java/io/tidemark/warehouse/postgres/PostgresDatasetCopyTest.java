package io.tidemark.warehouse.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.testing.SparkFixture;
import io.tidemark.testing.WarehouseFixture;
import io.tidemark.warehouse.JdbcEndpoint;
import io.tidemark.warehouse.StagedRows;
import io.tidemark.warehouse.TableDump;
import io.tidemark.warehouse.WarehouseConnector;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The parallel COPY staging on the embedded PostgreSQL: tasks copy into children of an unlogged table. */
class PostgresDatasetCopyTest {
    private static final String SCHEMA = "tidemark";
    private static final Instant NOW = Instant.parse("2026-12-05T20:00:00Z");
    private static final StructType ROWS = DataTypes.createStructType(List.of(
            DataTypes.createStructField("id", DataTypes.LongType, false),
            DataTypes.createStructField("label", DataTypes.StringType, true),
            DataTypes.createStructField("amount", DataTypes.createDecimalType(12, 2), true),
            DataTypes.createStructField("seen_at", DataTypes.TimestampType, true),
            DataTypes.createStructField("day", DataTypes.DateType, true),
            DataTypes.createStructField("flag", DataTypes.BooleanType, true)));
    private static final String CREATE_STAGE = "CREATE TEMP TABLE stage_things (id BIGINT, label VARCHAR(64), "
            + "amount DECIMAL(12,2), seen_at TIMESTAMP, day DATE, flag BOOLEAN)";

    @RegisterExtension
    static final WarehouseFixture warehouse = WarehouseFixture.withDdl(SCHEMA);
    @RegisterExtension
    static final SparkFixture spark = new SparkFixture();

    @Test
    void everyPartitionIsCopiedOnceAndEveryAttemptOfTheLoadGetsAllRows() throws Exception {
        List<Row> rows = IntStream.range(0, 30).mapToObj(i -> RowFactory.create((long) i,
                i % 5 == 0 ? null : "a,\"quoted\"\nline " + i, new BigDecimal(i + ".25"),
                Timestamp.from(NOW.plusSeconds(i)), Date.valueOf("2026-11-2" + (i % 10)), i % 2 == 0)).toList();
        Dataset<Row> input = spark.session().createDataFrame(rows, ROWS).repartition(3);

        try (StagedRows staged = copy(Clock.fixed(NOW, ZoneOffset.UTC), System.err).prepare(input, "things:2026-12-05:a")) {
            assertThat(query("SELECT COUNT(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhparent "
                    + "WHERE c.relname LIKE 'tidemark\\_stage\\_%'")).containsExactly("3");
            for (boolean commit : List.of(false, true)) {
                try (Connection connection = warehouse.connect()) {
                    connection.setAutoCommit(false);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(CREATE_STAGE);
                    }
                    assertThat(staged.copyInto(connection, "stage_things")).isEqualTo(30);
                    List<String> stagedRows = TableDump.of(connection,
                            "SELECT id, label, amount, seen_at, day, flag FROM stage_things ORDER BY id");
                    assertThat(stagedRows).hasSize(30);
                    assertThat(stagedRows.get(0)).isEqualTo("0|<null>|0.25|2026-12-05 20:00:00.0|2026-11-20|true");
                    assertThat(stagedRows.get(7)).isEqualTo("7|a,\"quoted\"\nline 7|7.25|2026-12-05 20:00:07.0|2026-11-27|false");
                    if (commit) {
                        connection.commit();
                    } else {
                        connection.rollback();
                    }
                }
            }
        }
        assertThat(stagingTables()).isEmpty();
    }

    @Test
    void aRetriedTaskReplacesItsPartitionInsteadOfAddingToIt() throws Exception {
        JdbcEndpoint endpoint = endpoint();
        String table = SCHEMA + ".tidemark_stage_1_0000abcd";
        execute("CREATE UNLOGGED TABLE " + table + " (id BIGINT, label TEXT)");
        try {
            PartitionCopy task = new PartitionCopy(endpoint, table, List.of("id", "label"));
            // outside a Spark task the partition is 0: both calls are attempts of the same partition
            task.call(List.of(RowFactory.create(1L, "first attempt"), RowFactory.create(2L, "first attempt")).iterator());
            task.call(List.of(RowFactory.create(1L, "second attempt")).iterator());

            assertThat(query("SELECT id, label FROM " + table + " ORDER BY id")).containsExactly("1|second attempt");
        } finally {
            execute("DROP TABLE " + table + " CASCADE");
        }
    }

    @Test
    void prepareDropsStagingTablesLeftForADayAndKeepsYoungerOnes() throws Exception {
        String old = "tidemark_stage_" + NOW.minus(Duration.ofHours(25)).getEpochSecond() + "_0badcafe";
        String young = "tidemark_stage_" + NOW.minus(Duration.ofHours(2)).getEpochSecond() + "_0c0ffee0";
        execute("CREATE UNLOGGED TABLE " + SCHEMA + "." + old + " (id BIGINT)");
        execute("CREATE UNLOGGED TABLE " + SCHEMA + "." + young + " (id BIGINT)");
        try {
            Dataset<Row> input = spark.session().createDataFrame(List.of(RowFactory.create(1L, "x", null, null, null, null)), ROWS);

            StagedRows staged = copy(Clock.fixed(NOW, ZoneOffset.UTC), System.err).prepare(input, "things:a");
            assertThat(stagingTables()).contains(young).doesNotContain(old).hasSize(2);
            staged.close();
            assertThat(stagingTables()).containsExactly(young);
        } finally {
            execute("DROP TABLE IF EXISTS " + SCHEMA + "." + young);
        }
    }

    @Test
    void aColumnWithoutACopyFormIsRefusedByName() {
        Dataset<Row> input = spark.session().createDataFrame(List.of(RowFactory.create(1L, new byte[] {1})),
                DataTypes.createStructType(List.of(DataTypes.createStructField("id", DataTypes.LongType, false),
                        DataTypes.createStructField("payload", DataTypes.BinaryType, true))));

        assertThatThrownBy(() -> copy(Clock.systemUTC(), System.err).prepare(input, "things:a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payload").hasMessageContaining("binary");
    }

    @Test
    void aStagingTableThatCannotBeDroppedIsReportedWithoutFailing() throws Exception {
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        Dataset<Row> input = spark.session().createDataFrame(List.of(RowFactory.create(1L, "x", null, null, null, null)), ROWS);
        StagedRows staged = copy(Clock.systemUTC(), new PrintStream(warnings, true, StandardCharsets.UTF_8)).prepare(input, "things:a");
        String table = stagingTables().get(0);
        try (Connection holder = warehouse.connect(); Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            statement.execute("LOCK TABLE " + SCHEMA + "." + table + " IN ACCESS EXCLUSIVE MODE");
            statement.execute("SET lock_timeout = '1s'");
            execute("ALTER ROLE CURRENT_USER SET lock_timeout = '1s'");
            try {
                staged.close();
            } finally {
                execute("ALTER ROLE CURRENT_USER RESET lock_timeout");
            }
        }

        assertThat(warnings.toString(StandardCharsets.UTF_8)).contains("cannot drop the staging table").contains(table);
        assertThat(stagingTables()).containsExactly(table);
        execute("DROP TABLE " + SCHEMA + "." + table + " CASCADE");
    }

    private static PostgresDatasetCopy copy(Clock clock, PrintStream warnings) {
        return new PostgresDatasetCopy(endpoint(), SCHEMA, 4, clock, warnings);
    }

    private static JdbcEndpoint endpoint() {
        return WarehouseConnector.embedded(warehouse.server()).endpoint();
    }

    /** The parent staging tables of the schema (not their per-partition children). */
    private static List<String> stagingTables() throws SQLException {
        return query("SELECT tablename FROM pg_tables WHERE schemaname = 'tidemark' "
                + "AND tablename ~ '^tidemark_stage_[0-9]+_[0-9a-f]{8}$' ORDER BY tablename");
    }

    private static List<String> query(String sql) throws SQLException {
        try (Connection connection = warehouse.connect()) {
            return TableDump.of(connection, sql);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
