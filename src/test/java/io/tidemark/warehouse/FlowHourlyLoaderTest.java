package io.tidemark.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.testing.LocalSpark;
import io.tidemark.testing.WarehouseFixture;
import io.tidemark.warehouse.model.FlowHourlyModel;
import io.tidemark.warehouse.postgres.PostgresDatasetCopy;
import io.tidemark.warehouse.redshift.RedshiftS3Staging;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fact_flow_hourly load (FlowHourlyModel's script through StagedTableLoad) on the embedded PostgreSQL: input rows
 * are a Spark Dataset in the stage table's columns, staged with COPY FROM STDIN as every model's rows are.
 */
class FlowHourlyLoaderTest {
    private static final String SCHEMA = "tidemark";
    private static final RetryPolicy QUICK_RETRIES = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T03:00:00Z"), ZoneOffset.UTC);
    private static final HourPartition H05 = new HourPartition(20261125, 5);
    private static final HourPartition H06 = new HourPartition(20261125, 6);
    private static final HourPartition H07 = new HourPartition(20261125, 7);

    @TempDir
    static Path workdir;

    private static final StructType STAGED = DataTypes.createStructType(List.of(
            DataTypes.createStructField("datekey", DataTypes.IntegerType, false),
            DataTypes.createStructField("hr", DataTypes.ShortType, false),
            DataTypes.createStructField("interface_key", DataTypes.LongType, false),
            DataTypes.createStructField("account_id", DataTypes.StringType, false),
            DataTypes.createStructField("interface_id", DataTypes.StringType, false),
            DataTypes.createStructField("vpc_id", DataTypes.StringType, true),
            DataTypes.createStructField("subnet_id", DataTypes.StringType, true),
            DataTypes.createStructField("instance_id", DataTypes.StringType, true),
            DataTypes.createStructField("action", DataTypes.StringType, false),
            DataTypes.createStructField("protocol", DataTypes.IntegerType, false),
            DataTypes.createStructField("flows", DataTypes.LongType, false),
            DataTypes.createStructField("packets", DataTypes.LongType, false),
            DataTypes.createStructField("bytes", DataTypes.LongType, false)));

    @RegisterExtension
    static final WarehouseFixture warehouse = WarehouseFixture.withDdl(SCHEMA).withDimDate(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() throws Exception {
        spark = LocalSpark.start(workdir);
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @BeforeEach
    void emptyTheLoadedTables() throws SQLException {
        warehouse.truncate("tidemark.fact_flow_hourly", "tidemark.dim_network_interface", "tidemark.etl_load_audit");
    }

    @Test
    void loadingTheSameInputTwiceLeavesIdenticalTablesAndSkipsTheSecondLoad() throws Exception {
        List<FlowHourlyRow> rows = generatedRows(200, List.of(H05, H06), 1);
        FactLoad loader = loader(WarehouseConnector.embedded(warehouse.server()));

        AuditedLoadResult first = loader.load(new Request(List.of(H05, H06), "run-1", "checksum-a", rows));
        List<String> afterFirst = dumpAll();
        AuditedLoadResult second = loader.load(new Request(List.of(H06, H05), "run-2", "checksum-a", rows));

        assertThat(first.outcome()).isEqualTo(AuditedLoadResult.Outcome.LOADED);
        assertThat(first.rows()).isEqualTo(200);
        assertThat(second).isEqualTo(new AuditedLoadResult(first.loadId(), AuditedLoadResult.Outcome.SKIPPED, 200, 1));
        assertThat(dumpAll()).isEqualTo(afterFirst);
        assertThat(afterFirst).anyMatch(line -> line.startsWith("audit|" + first.loadId()
                + "|fact_flow_hourly|20261125/05,20261125/06|200|checksum-a|run-1|2026-11-26 03:00:00"));
    }

    @Test
    void reloadingPartitionsWithOtherInputReplacesTheirRows() throws Exception {
        FactLoad loader = loader(WarehouseConnector.embedded(warehouse.server()));
        List<FlowHourlyRow> untouched = List.of(row(H07, "eni-7", "ACCEPT", 6, 1, 2, 3));
        loader.load(new Request(List.of(H07), "run-1", "checksum-h07", untouched));
        loader.load(new Request(List.of(H05, H06), "run-1", "checksum-a", List.of(
                row(H05, "eni-1", "ACCEPT", 6, 10, 100, 1000),
                row(H06, "eni-2", "REJECT", 17, 20, 200, 2000))));

        AuditedLoadResult replaced = loader.load(new Request(List.of(H05, H06), "run-2", "checksum-b",
                List.of(row(H05, "eni-1", "ACCEPT", 6, 11, 110, 1100))));

        assertThat(replaced.loaded()).isTrue();
        assertThat(facts()).containsExactly(
                "20261125|5|eni-1|ACCEPT|6|11|110|1100",
                "20261125|7|eni-7|ACCEPT|6|1|2|3");
        assertThat(query("SELECT checksum FROM tidemark.etl_load_audit ORDER BY checksum"))
                .containsExactly("checksum-a", "checksum-b", "checksum-h07");
    }

    @Test
    void rowsAtTheSameGrainAreSummedIntoOneFactRow() throws Exception {
        loader(WarehouseConnector.embedded(warehouse.server())).load(new Request(List.of(H05), "run-1", "c", List.of(
                row(H05, "eni-1", "REJECT", 6, 1, 10, 100),
                row(H05, "eni-1", "REJECT", 6, 2, 20, 200),
                row(H05, "eni-1", "REJECT", 17, 4, 40, 400))));

        assertThat(facts()).containsExactly(
                "20261125|5|eni-1|REJECT|6|3|30|300",
                "20261125|5|eni-1|REJECT|17|4|40|400");
    }

    @Test
    void textWithCommasQuotesNewlinesAndNullsSurvivesCopy() throws Exception {
        loader(WarehouseConnector.embedded(warehouse.server())).load(awkwardTextRequest());

        assertThat(interfaces()).containsExactlyElementsOf(awkwardTextInterfaces());
    }

    @Test
    void theRedshiftDialectSqlGivesTheSameTablesAsThePostgresOne() throws Exception {
        List<FlowHourlyRow> rows = generatedRows(1_234, List.of(H05, H06, H07), 7);
        Request request = new Request(List.of(H05, H06, H07), "run-1", "checksum", rows);
        ConnectionSource redshiftDialectOnPostgres = new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                return warehouse.connect();
            }

            @Override
            public SqlDialect dialect() {
                return SqlDialect.REDSHIFT;
            }
        };

        AuditedLoadResult viaRedshiftSql = loader(redshiftDialectOnPostgres).load(request);
        List<String> redshiftSqlTables = dumpAll();
        emptyTheLoadedTables();
        loader(redshiftDialectOnPostgres).load(awkwardTextRequest());
        List<String> redshiftSqlInterfaces = interfaces();
        emptyTheLoadedTables();
        AuditedLoadResult viaPostgresSql = loader(WarehouseConnector.embedded(warehouse.server())).load(request);

        assertThat(viaRedshiftSql).isEqualTo(viaPostgresSql);
        assertThat(viaRedshiftSql.rows()).isEqualTo(1_234);
        assertThat(dumpAll()).isEqualTo(redshiftSqlTables);
        assertThat(redshiftSqlInterfaces).containsExactlyElementsOf(awkwardTextInterfaces());
    }

    @Test
    void theRejectsViewSumsTheRejectedFlowsPerDayAndInterface() throws Exception {
        HourPartition nextDay = new HourPartition(20261126, 23);
        List<HourPartition> partitions = List.of(H05, H06, nextDay);
        List<FlowHourlyRow> rows = generatedRows(500, partitions, 42);
        loader(WarehouseConnector.embedded(warehouse.server())).load(new Request(partitions, "run-1", "c", rows));

        Map<String, long[]> expected = new TreeMap<>();
        for (FlowHourlyRow row : rows) {
            if (row.action().equals("REJECT")) {
                long[] sums = expected.computeIfAbsent(new DateKey(row.datekey()).day() + "|" + row.interfaceId(),
                        key -> new long[2]);
                sums[0] += row.flows();
                sums[1] += row.bytes();
            }
        }
        List<String> expectedLines = new ArrayList<>();
        expected.forEach((key, sums) -> expectedLines.add(key + "|" + sums[0] + "|" + sums[1]));

        assertThat(expectedLines).hasSizeGreaterThan(5);
        assertThat(query("SELECT * FROM tidemark.v_flow_rejects_daily ORDER BY d_prettydate, interface_id"))
                .containsExactlyElementsOf(expectedLines);
    }

    @Test
    void interfaceDetailsAreFilledOnceKnownAndThenKept() throws Exception {
        FactLoad loader = loader(WarehouseConnector.embedded(warehouse.server()));
        loader.load(new Request(List.of(H05), "run", "a", List.of(row(H05, "eni-1", "ACCEPT", 6, 1, 1, 1))));
        loader.load(new Request(List.of(H06), "run", "b", List.of(
                new FlowHourlyRow(20261125, 6, "111122223333", "eni-1", "vpc-1", null, "i-1", "ACCEPT", 6, 1, 1, 1))));
        loader.load(new Request(List.of(H07), "run", "c", List.of(
                new FlowHourlyRow(20261125, 7, "111122223333", "eni-1", "vpc-2", "subnet-2", "i-2", "ACCEPT", 6, 1, 1, 1))));

        assertThat(interfaces()).containsExactly(
                NetworkInterfaceKey.of("111122223333", "eni-1") + "|111122223333|eni-1|vpc-1|subnet-2|i-1");
    }

    @Test
    void aDroppedConnectionIsRetried() throws Exception {
        AtomicInteger opens = new AtomicInteger();
        ConnectionSource flaky = source(() -> {
            if (opens.incrementAndGet() == 1) {
                throw new SQLException("Connection refused", "08001");
            }
            return warehouse.connect();
        });

        AuditedLoadResult result = loader(flaky).load(
                new Request(List.of(H05), "run", "c", generatedRows(50, List.of(H05), 3)));

        assertThat(result.outcome()).isEqualTo(AuditedLoadResult.Outcome.LOADED);
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(query("SELECT SUM(flows) FROM tidemark.fact_flow_hourly")).containsExactly(
                Long.toString(generatedRows(50, List.of(H05), 3).stream().mapToLong(FlowHourlyRow::flows).sum()));
    }

    @Test
    void aSerializationFailureAtCommitRollsBackAndRetries() throws Exception {
        AtomicInteger commits = new AtomicInteger();
        ConnectionSource conflicting = source(() -> failingCommit(warehouse.connect(), connection -> {
            if (commits.incrementAndGet() == 1) {
                throw new SQLException("could not serialize access", "40001");
            }
            connection.commit();
        }));

        AuditedLoadResult result = loader(conflicting).load(new Request(List.of(H05), "run", "c",
                List.of(row(H05, "eni-1", "ACCEPT", 6, 1, 2, 3))));

        assertThat(result.outcome()).isEqualTo(AuditedLoadResult.Outcome.LOADED);
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(facts()).containsExactly("20261125|5|eni-1|ACCEPT|6|1|2|3");
    }

    @Test
    void theRedshiftStagedFolderServesEveryAttemptAndIsRemovedAfterTheCommitOrTheFinalFailure() throws Exception {
        Path stagingRoot = workdir.resolve("redshift-staging");
        RedshiftS3Staging parquet = new RedshiftS3Staging(stagingRoot.toUri().toString().replaceAll("/$", ""),
                "arn:aws:iam::123456789012:role/tidemark-copy", spark.sparkContext().hadoopConfiguration(), System.err);
        PostgresDatasetCopy copy = new PostgresDatasetCopy(WarehouseConnector.embedded(warehouse.server()).endpoint(), SCHEMA);
        List<List<String>> foldersAtCopy = new CopyOnWriteArrayList<>();
        List<List<String>> auditAtRelease = new CopyOnWriteArrayList<>();
        // the Redshift staging writes and removes its real folder; PostgreSQL's COPY stands in for Redshift's
        DatasetStaging parquetThenCopy = (input, loadId) -> {
            StagedRows folder = parquet.prepare(input, loadId);
            StagedRows rows = copy.prepare(input, loadId);
            return new StagedRows() {
                @Override
                public long copyInto(Connection connection, String stageTable) throws SQLException {
                    foldersAtCopy.add(stagedManifests(stagingRoot));
                    return rows.copyInto(connection, stageTable);
                }

                @Override
                public void close() {
                    try {
                        auditAtRelease.add(query("SELECT COUNT(*) FROM tidemark.etl_load_audit"));
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    folder.close();
                }
            };
        };
        AtomicInteger commits = new AtomicInteger();
        ConnectionSource conflicting = source(() -> failingCommit(warehouse.connect(), connection -> {
            if (commits.incrementAndGet() == 1) {
                throw new SQLException("could not serialize access", "40001");
            }
            connection.commit();
        }));
        Request request = new Request(List.of(H05), "run", "c", List.of(row(H05, "eni-1", "ACCEPT", 6, 1, 2, 3)));

        AuditedLoadResult result = new FactLoad(conflicting, parquetThenCopy).load(request);

        assertThat(result.attempts()).isEqualTo(2);
        assertThat(foldersAtCopy).hasSize(2).allSatisfy(manifests -> assertThat(manifests).hasSize(1));
        assertThat(auditAtRelease).containsExactly(List.of("1"));
        assertThat(stagingRoot).isEmptyDirectory();

        Request outside = new Request(List.of(H06), "run", "d", List.of(row(H07, "eni-1", "ACCEPT", 6, 1, 2, 3)));
        assertThatThrownBy(() -> new FactLoad(WarehouseConnector.embedded(warehouse.server()), parquetThenCopy).load(outside))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(foldersAtCopy).hasSize(3);
        assertThat(auditAtRelease).containsExactly(List.of("1"), List.of("1"));
        assertThat(stagingRoot).isEmptyDirectory();
    }

    @Test
    void aCommitWhoseAcknowledgementIsLostIsNotAppliedTwice() throws Exception {
        AtomicInteger commits = new AtomicInteger();
        ConnectionSource lossy = source(() -> failingCommit(warehouse.connect(), connection -> {
            connection.commit();
            if (commits.incrementAndGet() == 1) {
                throw new SQLException("An I/O error occurred while sending to the backend", "08006");
            }
        }));

        AuditedLoadResult result = loader(lossy).load(new Request(List.of(H05), "run", "c",
                List.of(row(H05, "eni-1", "ACCEPT", 6, 1, 2, 3))));

        assertThat(result.outcome()).isEqualTo(AuditedLoadResult.Outcome.SKIPPED);
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(facts()).containsExactly("20261125|5|eni-1|ACCEPT|6|1|2|3");
        assertThat(query("SELECT COUNT(*) FROM tidemark.etl_load_audit")).containsExactly("1");
    }

    @Test
    void twoConcurrentLoadsOfTheSameInputCommitOnce() throws Exception {
        List<FlowHourlyRow> rows = generatedRows(100, List.of(H05), 5);
        CyclicBarrier bothStaging = new CyclicBarrier(2);
        AtomicInteger copies = new AtomicInteger();
        PostgresDatasetCopy copy = new PostgresDatasetCopy(WarehouseConnector.embedded(warehouse.server()).endpoint(), SCHEMA);
        // both loads meet inside their transactions, each about to stage, before either commits
        DatasetStaging meeting = (input, loadId) -> {
            StagedRows staged = copy.prepare(input, loadId);
            return (connection, stageTable) -> {
                if (copies.incrementAndGet() <= 2) {
                    awaitQuietly(bothStaging);
                }
                return staged.copyInto(connection, stageTable);
            };
        };
        Request request = new Request(List.of(H05), "run", "same-input", rows);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<AuditedLoadResult> first = threads.submit(() ->
                    new FactLoad(WarehouseConnector.embedded(warehouse.server()), meeting).load(request));
            Future<AuditedLoadResult> second = threads.submit(() ->
                    new FactLoad(WarehouseConnector.embedded(warehouse.server()), meeting).load(request));

            assertThat(List.of(first.get(60, TimeUnit.SECONDS).outcome(), second.get(60, TimeUnit.SECONDS).outcome()))
                    .containsExactlyInAnyOrder(AuditedLoadResult.Outcome.LOADED, AuditedLoadResult.Outcome.SKIPPED);
        } finally {
            threads.shutdownNow();
        }
        assertThat(query("SELECT SUM(flows) FROM tidemark.fact_flow_hourly"))
                .containsExactly(Long.toString(rows.stream().mapToLong(FlowHourlyRow::flows).sum()));
        assertThat(query("SELECT COUNT(*) FROM tidemark.etl_load_audit")).containsExactly("1");
    }

    @Test
    void rowsOutsideTheRequestedPartitionsFailTheLoadAndCommitNothing() throws SQLException {
        Request request = new Request(List.of(H05), "run", "c", List.of(
                row(H05, "eni-1", "ACCEPT", 6, 1, 2, 3),
                row(H06, "eni-1", "ACCEPT", 6, 1, 2, 3)));

        assertThatThrownBy(() -> loader(WarehouseConnector.embedded(warehouse.server())).load(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 input rows fall outside the load's partitions 20261125/05");
        assertThat(dumpAll()).isEmpty();
    }

    @Test
    void aNonTransientFailureIsNotRetried() {
        AtomicInteger opens = new AtomicInteger();
        ConnectionSource broken = source(() -> {
            opens.incrementAndGet();
            throw new SQLException("permission denied for schema tidemark", "42501");
        });

        assertThatThrownBy(() -> loader(broken).load(new Request(List.of(H05), "run", "c", List.of())))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied");
        assertThat(opens).hasValue(1);
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * One input row of the load: flow figures of one interface, action and protocol in one hour (rows need not be
     * aggregated: the load sums rows of the same grain); vpc, subnet and instance may be null.
     */
    private record FlowHourlyRow(int datekey, int hr, String accountId, String interfaceId, String vpcId,
                                 String subnetId, String instanceId, String action, int protocol, long flows,
                                 long packets, long bytes) {
        Row staged() {
            return RowFactory.create(datekey, (short) hr, NetworkInterfaceKey.of(accountId, interfaceId), accountId,
                    interfaceId, vpcId, subnetId, instanceId, action, protocol, flows, packets, bytes);
        }
    }

    /** One load: the hours it replaces (sorted, distinct: the audit's partition label), its run, checksum and rows. */
    private record Request(List<HourPartition> partitions, String runId, String inputChecksum, List<FlowHourlyRow> rows) {
        Request {
            partitions = List.copyOf(new TreeSet<>(partitions));
        }

        LoadAudit audit() {
            return new LoadAudit("fact_flow_hourly",
                    partitions.stream().map(HourPartition::label).collect(Collectors.joining(",")), inputChecksum, runId);
        }

        Dataset<Row> dataset() {
            return spark.createDataFrame(rows.stream().map(FlowHourlyRow::staged).toList(), STAGED);
        }
    }

    /** The fact's load as the flow_hourly model runs it, with a given staging. */
    private record FactLoad(ConnectionSource connections, DatasetStaging staging) {
        FactLoad {
            Objects.requireNonNull(connections, "connections is null");
        }

        AuditedLoadResult load(Request request) throws SQLException {
            return new StagedTableLoad(connections, SCHEMA, staging, QUICK_RETRIES, CLOCK)
                    .load(FlowHourlyModel.script(), request.audit(), request.partitions(), request.dataset());
        }
    }

    private static FactLoad loader(ConnectionSource connections) {
        return new FactLoad(connections, new PostgresDatasetCopy(WarehouseConnector.embedded(warehouse.server()).endpoint(), SCHEMA));
    }

    private static FlowHourlyRow row(HourPartition partition, String interfaceId, String action, int protocol,
                                     long flows, long packets, long bytes) {
        return new FlowHourlyRow(partition.datekey(), partition.hr(), "111122223333", interfaceId, null, null, null,
                action, protocol, flows, packets, bytes);
    }

    /** Deterministic rows spread over the partitions, a few interfaces and accounts, both actions, three protocols. */
    private static List<FlowHourlyRow> generatedRows(int count, List<HourPartition> partitions, long seed) {
        Random random = new Random(seed);
        List<FlowHourlyRow> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            HourPartition partition = partitions.get(random.nextInt(partitions.size()));
            int eni = random.nextInt(8);
            rows.add(new FlowHourlyRow(partition.datekey(), partition.hr(), "11112222333" + (eni % 2),
                    "eni-" + eni, eni % 3 == 0 ? null : "vpc-" + eni % 2, "subnet-" + eni, null,
                    random.nextInt(3) == 0 ? "REJECT" : "ACCEPT", List.of(6, 17, 1).get(random.nextInt(3)),
                    1 + random.nextInt(5), 1 + random.nextInt(1_000), 40 + random.nextInt(1_000_000)));
        }
        return rows;
    }

    private static Request awkwardTextRequest() {
        return new Request(List.of(H05), "run", "awkward", List.of(
                new FlowHourlyRow(20261125, 5, "1111,2222", "eni-\"quoted\"", "vpc\nwith newline", "", null,
                        "REJECT", 6, 1, 1, 1),
                new FlowHourlyRow(20261125, 5, "acct", "eni-\\.", "\\.", "back\\slash,\"\r\n", "i-é😀",
                        "ACCEPT", 6, 1, 1, 1),
                new FlowHourlyRow(20261125, 5, "acct", "eni-nulls", null, null, null, "ACCEPT", 17, 1, 1, 1)));
    }

    private static List<String> awkwardTextInterfaces() {
        List<String> lines = new ArrayList<>(List.of(
                NetworkInterfaceKey.of("1111,2222", "eni-\"quoted\"") + "|1111,2222|eni-\"quoted\"|vpc\nwith newline||<null>",
                NetworkInterfaceKey.of("acct", "eni-\\.") + "|acct|eni-\\.|\\.|back\\slash,\"\r\n|i-é😀",
                NetworkInterfaceKey.of("acct", "eni-nulls") + "|acct|eni-nulls|<null>|<null>|<null>"));
        lines.sort(String::compareTo);
        return lines;
    }

    private static List<String> facts() throws SQLException {
        return query("SELECT f.datekey, f.hr, n.interface_id, f.action, f.protocol, f.flows, f.packets, f.bytes "
                + "FROM tidemark.fact_flow_hourly f JOIN tidemark.dim_network_interface n USING (interface_key) "
                + "ORDER BY 1, 2, 3, 4, 5");
    }

    private static List<String> interfaces() throws SQLException {
        List<String> lines = new ArrayList<>(query("SELECT * FROM tidemark.dim_network_interface"));
        lines.sort(String::compareTo);
        return lines;
    }

    /** Every loaded table, fully, in a fixed order. */
    private static List<String> dumpAll() throws SQLException {
        List<String> lines = new ArrayList<>();
        query("SELECT * FROM tidemark.fact_flow_hourly ORDER BY 1, 2, 3, 4, 5").forEach(line -> lines.add("fact|" + line));
        query("SELECT * FROM tidemark.dim_network_interface ORDER BY 1").forEach(line -> lines.add("dim|" + line));
        query("SELECT * FROM tidemark.etl_load_audit ORDER BY 1").forEach(line -> lines.add("audit|" + line));
        return lines;
    }

    /** The COPY manifests staged under {@code stagingRoot}, one per staged load folder. */
    private static List<String> stagedManifests(Path stagingRoot) {
        try (Stream<Path> folders = Files.list(stagingRoot)) {
            return folders.map(folder -> folder.resolve("_manifest")).filter(Files::exists).map(Path::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> query(String sql) throws SQLException {
        try (Connection connection = warehouse.connect()) {
            return TableDump.of(connection, sql);
        }
    }

    private static void awaitQuietly(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("the two loads did not overlap", e);
        }
    }

    @FunctionalInterface
    private interface Opener {
        Connection open() throws SQLException;
    }

    @FunctionalInterface
    private interface Commit {
        void run(Connection connection) throws SQLException;
    }

    private static ConnectionSource source(Opener opener) {
        return new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                return opener.open();
            }

            @Override
            public SqlDialect dialect() {
                return SqlDialect.POSTGRES;
            }
        };
    }

    /** {@code connection}, with {@code commit()} replaced by {@code commit} (which may commit, then fail). */
    private static Connection failingCommit(Connection connection, Commit commit) {
        return (Connection) Proxy.newProxyInstance(FlowHourlyLoaderTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("commit")) {
                        commit.run(connection);
                        return null;
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
