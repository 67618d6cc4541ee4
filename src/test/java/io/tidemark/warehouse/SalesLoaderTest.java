package io.tidemark.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.config.DatasetSchemas;
import io.tidemark.sources.DatasetStructs;
import io.tidemark.sources.cdc.SalesChange;
import io.tidemark.sources.cdc.SalesImage;
import io.tidemark.testing.LocalSpark;
import io.tidemark.testing.WarehouseFixture;
import io.tidemark.warehouse.postgres.PostgresCsvCopy;
import io.tidemark.warehouse.postgres.PostgresDatasetCopy;
import io.tidemark.warehouse.sales.SalesLoadRequest;
import io.tidemark.warehouse.sales.SalesLoader;
import io.tidemark.warehouse.spectrum.SpectrumDdl;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CDC apply of sales_changes into fact_sales and dim_item on the embedded PostgreSQL, with hand-built tricky
 * batches: out-of-order, repeated, stale, delete-then-reinsert, ties on change_ts, deletes followed by stale
 * updates in later batches. The changes are a Spark Dataset staged with COPY FROM STDIN, as the sales model loads them.
 */
class SalesLoaderTest {
    private static final String SCHEMA = "tidemark";
    private static final RetryPolicy QUICK_RETRIES = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T03:00:00Z"), ZoneOffset.UTC);
    private static final String FACTS = "SELECT sale_id, item_id, category, price, quantity, order_date, order_datekey, "
            + "destination_state, shipping_type, referral, is_deleted, last_op FROM tidemark.fact_sales ORDER BY sale_id";

    private static final String LIVE_ITEMS = "SELECT * FROM tidemark.dim_item i WHERE EXISTS (SELECT 1 FROM "
            + "tidemark.fact_sales f WHERE f.item_key = i.item_key AND NOT f.is_deleted) ORDER BY item_key";

    @TempDir
    static Path workdir;

    @RegisterExtension
    static final WarehouseFixture warehouse = WarehouseFixture.withDdl(SCHEMA).withDimDate(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
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
        warehouse.truncate("tidemark.fact_sales", "tidemark.dim_item", "tidemark.etl_load_audit");
    }

    @Test
    void outOfOrderRepeatedAndDeleteThenReinsertChangesEndInTheLastWritersState() throws Exception {
        List<SalesChange> batch = List.of(
                // S1: inserted, then two updates delivered out of order, the newest one twice
                change("I", "S1", "10:00:00", "dms:a:01", image("I-1", "Books", "10.00", 1, "Sam")),
                change("U", "S1", "10:02:00", "dms:a:03", image("I-1", "Books", "12.50", 3, "Sam")),
                change("U", "S1", "10:01:00", "dms:a:02", image("I-1", "Books", "11.00", 2, "Sam")),
                change("U", "S1", "10:02:00", "dms:a:03", image("I-1", "Books", "12.50", 3, "Sam")),
                // S2: deleted, then inserted again (the reinsert arrives first)
                change("I", "S2", "10:05:00", "dms:a:06", image("I-2", "Toys", "5.00", 2, "Tue")),
                change("I", "S2", "10:00:00", "dms:a:01b", image("I-2", "Toys", "4.00", 1, "Tue")),
                change("D", "S2", "10:03:00", "dms:a:04", deleteImage()),
                // S3: inserted then deleted: a tombstone without values
                change("I", "S3", "10:00:00", "dms:a:01c", image("I-3", "Garden", "7.25", 4, "Sam")),
                change("D", "S3", "10:04:00", "dms:a:05", deleteImage()),
                // S4: two updates at the same change_ts: source_seq decides, and a longer seq sorts after its prefix
                change("U", "S4", "10:06:00", "dms:b:7", image("I-4", "Sports", "1.00", 1, "Sam")),
                change("U", "S4", "10:06:00", "dms:b:70", image("I-4", "Sports", "2.00", 1, "Sam")),
                change("U", "S4", "10:06:00", "dms:b:6", image("I-4", "Sports", "3.00", 1, "Sam")));

        AuditedLoadResult result = loader(WarehouseConnector.embedded(warehouse.server())).load(request("c1", batch));

        assertThat(result.loaded()).isTrue();
        assertThat(result.rows()).isEqualTo(batch.size());
        assertThat(query(FACTS)).containsExactly(
                "S1|I-1|Books|12.5000|3|2026-11-24 09:00:00.0|20261124|CA|Standard|Sam|false|U",
                "S2|I-2|Toys|5.0000|2|2026-11-24 09:00:00.0|20261124|CA|Standard|Tue|false|I",
                "S3|<null>|<null>|<null>|<null>|<null>|<null>|<null>|<null>|<null>|true|D",
                "S4|I-4|Sports|2.0000|1|2026-11-24 09:00:00.0|20261124|CA|Standard|Sam|false|U");
        assertThat(query(FACTS)).isEqualTo(expectedState(batch));
    }

    @Test
    void staleChangesInLaterBatchesAreIgnoredAlsoAfterADelete() throws Exception {
        SalesLoader loader = loader(WarehouseConnector.embedded(warehouse.server()));
        loader.load(request("c1", List.of(
                change("I", "S1", "10:00:00", "dms:1", image("I-1", "Books", "10.00", 1, "Sam")),
                change("U", "S1", "10:05:00", "dms:5", image("I-1", "Books", "15.00", 1, "Sam")),
                change("I", "S2", "10:00:00", "dms:1b", image("I-2", "Toys", "4.00", 1, "Sam")),
                change("D", "S2", "10:05:00", "dms:5b", deleteImage()))));

        loader.load(request("c2", List.of(
                // older than S1's applied update: ignored
                change("U", "S1", "10:03:00", "dms:3", image("I-1", "Books", "13.00", 9, "Sam")),
                // older than S2's delete: the tombstone remembers the delete, so S2 stays deleted
                change("U", "S2", "10:04:00", "dms:4b", image("I-2", "Toys", "99.00", 9, "Sam")),
                // the same position as the applied delete (a replay): ignored
                change("D", "S2", "10:05:00", "dms:5b", deleteImage()))));

        assertThat(query("SELECT sale_id, price, quantity, is_deleted, last_source_seq FROM tidemark.fact_sales ORDER BY sale_id"))
                .containsExactly("S1|15.0000|1|false|dms:5", "S2|<null>|<null>|true|dms:5b");

        loader.load(request("c3", List.of(
                change("I", "S2", "10:09:00", "dms:9b", image("I-2", "Toys", "6.00", 2, "Sam")))));

        assertThat(query("SELECT sale_id, price, quantity, is_deleted, last_op FROM tidemark.fact_sales ORDER BY sale_id"))
                .containsExactly("S1|15.0000|1|false|U", "S2|6.0000|2|false|I");
    }

    @Test
    void batchesAppliedInAnyOrderGiveTheSameTablesAsOneBatch() throws Exception {
        List<SalesChange> all = generatedChanges(300, 42);
        loader(WarehouseConnector.embedded(warehouse.server())).load(request("all", all));
        List<String> oneBatchFacts = query("SELECT * FROM tidemark.fact_sales ORDER BY sale_id");
        List<String> oneBatchItems = query(LIVE_ITEMS);
        emptyTheLoadedTables();

        SalesLoader loader = loader(WarehouseConnector.embedded(warehouse.server()));
        for (int part = 2; part >= 0; part--) {
            List<SalesChange> slice = new ArrayList<>();
            for (int i = part; i < all.size(); i += 3) {
                slice.add(all.get(i));
            }
            loader.load(request("part-" + part, slice));
        }

        assertThat(query("SELECT * FROM tidemark.fact_sales ORDER BY sale_id")).isEqualTo(oneBatchFacts);
        // items with a live sale agree; an item live only between batches stays in dim_item (type 1, never removed)
        assertThat(query(LIVE_ITEMS)).isEqualTo(oneBatchItems);
        assertThat(query(FACTS)).isEqualTo(expectedState(all));
    }

    @Test
    void loadingTheSameInputTwiceLeavesIdenticalTablesAndSkipsTheSecondLoad() throws Exception {
        List<SalesChange> changes = generatedChanges(120, 7);
        SalesLoader loader = loader(WarehouseConnector.embedded(warehouse.server()));

        AuditedLoadResult first = loader.load(request("same", changes));
        List<String> afterFirst = dumpAll();
        List<String> auditAfterFirst = query("SELECT * FROM tidemark.etl_load_audit");
        AuditedLoadResult second = loader.load(request("same", changes));

        assertThat(second).isEqualTo(new AuditedLoadResult(first.loadId(), AuditedLoadResult.Outcome.SKIPPED, 120, 1));
        assertThat(dumpAll()).isEqualTo(afterFirst);
        assertThat(query("SELECT * FROM tidemark.etl_load_audit")).isEqualTo(auditAfterFirst);
        assertThat(auditAfterFirst).containsExactly(first.loadId() + "|fact_sales|dt=2026-11-24|120|same|run|2026-11-26 03:00:00.0");

        AuditedLoadResult replay = loader.load(request("republished", changes));
        assertThat(replay.loaded()).isTrue();
        assertThat(dumpAll()).isEqualTo(afterFirst);
    }

    @Test
    void dimItemHoldsEachItemOnceWithTheCategoryOfItsNewestLiveSale() throws Exception {
        SalesLoader loader = loader(WarehouseConnector.embedded(warehouse.server()));
        loader.load(request("c1", List.of(
                change("I", "S1", "10:00:00", "dms:1", image("I-1", "Books", "1.00", 1, null)),
                change("I", "S2", "10:01:00", "dms:2", image("I-1", "Comics", "1.00", 1, null)),
                change("I", "S3", "10:02:00", "dms:3", image("I-3", "Toys", "1.00", 1, null)))));
        loader.load(request("c2", List.of(
                // a stale category change of I-3 is ignored with its sale
                change("U", "S3", "10:01:30", "dms:1x", image("I-3", "Stale", "1.00", 1, null)),
                change("U", "S3", "10:06:00", "dms:6", image("I-3", "Home, Garden", "1.00", 1, null)))));

        assertThat(query("SELECT item_key, item_id, category FROM tidemark.dim_item ORDER BY item_id")).containsExactly(
                DeterministicKey.of("I-1") + "|I-1|Comics",
                DeterministicKey.of("I-3") + "|I-3|Home, Garden");

        // deleting I-1's newest live sale refreshes it from the newest remaining one
        loader.load(request("c3", List.of(change("D", "S2", "10:07:00", "dms:7", deleteImage()))));

        assertThat(query("SELECT item_id, category FROM tidemark.dim_item ORDER BY item_id"))
                .containsExactly("I-1|Books", "I-3|Home, Garden");
        assertThat(query("SELECT COUNT(*) FROM tidemark.fact_sales f JOIN tidemark.dim_item i ON i.item_key = f.item_key"))
                .containsExactly("2");
    }

    @Test
    void salesViewsSumPriceTimesQuantityOfLiveSalesBySeasonAndWeekday() throws Exception {
        List<SalesChange> changes = generatedChanges(400, 11);
        loader(WarehouseConnector.embedded(warehouse.server())).load(request("views", changes));

        Map<String, BigDecimal> bySeason = new TreeMap<>();
        Map<String, BigDecimal> byWeekday = new TreeMap<>();
        lastStates(changes).values().stream().filter(c -> !c.op().equals("D")).forEach(c -> {
            BigDecimal total = BigDecimal.valueOf(c.image().price()).multiply(BigDecimal.valueOf(c.image().quantity()));
            DimDateRow day = DimDateRow.of(c.image().orderDate().atOffset(ZoneOffset.UTC).toLocalDate());
            bySeason.merge(day.season(), total, BigDecimal::add);
            byWeekday.merge(day.dayOfWeek(), total, BigDecimal::add);
        });

        bySeason.replaceAll((k, v) -> v.stripTrailingZeros());
        byWeekday.replaceAll((k, v) -> v.stripTrailingZeros());
        assertThat(totals("SELECT d_season, total_sales FROM tidemark.v_sales_by_season")).isEqualTo(bySeason);
        assertThat(totals("SELECT d_dayofweek, total_sales FROM tidemark.v_sales_by_weekday")).isEqualTo(byWeekday);
        assertThat(bySeason.keySet()).hasSizeGreaterThan(1);
    }

    @Test
    void theSpectrumOnlySeasonQueryOverTheChangesGivesTheFiguresOfTheLoadedView() throws Exception {
        List<SalesChange> changes = generatedChanges(400, 13);
        loader(WarehouseConnector.embedded(warehouse.server())).load(request("spectrum", changes));
        String view = new SpectrumDdl("curated", "arn:aws:iam::111122223333:role/r", "s3://b", SCHEMA).salesBySeasonView();
        String query = view.substring(view.indexOf(" AS\n") + 4, view.lastIndexOf("WITH NO SCHEMA BINDING"));
        try (Connection connection = warehouse.connect();
             Statement statement = connection.createStatement()) {
            // lake.sales_changes as a local table with the external table's columns: what Spectrum would read
            statement.execute("DROP SCHEMA IF EXISTS lake CASCADE");
            statement.execute("CREATE SCHEMA lake");
            statement.execute("CREATE TABLE lake.sales_changes (change_key VARCHAR, op VARCHAR, sale_id VARCHAR, "
                    + "change_ts TIMESTAMP, source_seq VARCHAR, price DOUBLE PRECISION, quantity INTEGER, order_date TIMESTAMP)");
            new PostgresCsvCopy("lake.sales_changes", List.of("change_key", "op", "sale_id", "change_ts", "source_seq",
                    "price", "quantity", "order_date")).copy(connection, changes.stream().map(c -> Arrays.asList(
                            c.changeKey(), c.op(), c.saleId(), c.changeTs(), c.sourceSeq(), c.image().price(),
                            c.image().quantity(), c.image().orderDate())).iterator());
        }

        Map<String, BigDecimal> spectrum = totals(query);
        assertThat(spectrum).hasSizeGreaterThan(1).isEqualTo(totals("SELECT d_season, total_sales FROM tidemark.v_sales_by_season"));
    }

    @Test
    void theLastChangePerSaleWinsWhateverTheInputOrder() throws Exception {
        Instant t = Instant.parse("2026-11-24T10:00:00Z");
        SalesImage image = new SalesImage("I-1", "Books", 1.0, 1, t, "CA", "Standard", null);
        List<SalesChange> changes = new ArrayList<>(List.of(
                new SalesChange("dms", "I", "S1", t, "f:1", image),
                new SalesChange("dms", "D", "S1", t.plusSeconds(1), "f:2", image),
                new SalesChange("dms", "I", "S1", t.plusSeconds(2), "f:3", image),
                new SalesChange("dms", "U", "S2", t, "f:9", image),
                // same change_ts: source_seq compares as a string, so "f:9" is after "f:10"
                new SalesChange("dms", "D", "S2", t, "f:10", image)));
        for (long seed = 0; seed < 3; seed++) {
            emptyTheLoadedTables();
            Collections.shuffle(changes, new java.util.Random(seed));

            loader(WarehouseConnector.embedded(warehouse.server())).load(request("seed-" + seed, changes));

            assertThat(query("SELECT sale_id, last_op, last_source_seq, is_deleted FROM tidemark.fact_sales ORDER BY sale_id"))
                    .containsExactly("S1|I|f:3|false", "S2|U|f:9|false");
        }
    }

    @Test
    void aCommitWhoseAcknowledgementIsLostIsNotAppliedTwice() throws Exception {
        AtomicInteger commits = new AtomicInteger();
        ConnectionSource lossy = new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                return lossyCommit(warehouse.connect(), commits);
            }

            @Override
            public SqlDialect dialect() {
                return SqlDialect.POSTGRES;
            }
        };
        List<SalesChange> changes = generatedChanges(50, 3);

        AuditedLoadResult result = loader(lossy).load(request("c", changes));

        assertThat(result.outcome()).isEqualTo(AuditedLoadResult.Outcome.SKIPPED);
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(query(FACTS)).isEqualTo(expectedState(changes));
        assertThat(query("SELECT COUNT(*) FROM tidemark.etl_load_audit")).containsExactly("1");
    }

    // ------------------------------------------------------------------ expected state, computed independently

    /** The state per sale after its last change, as FACTS renders it. */
    private static List<String> expectedState(List<SalesChange> changes) {
        List<String> rows = new ArrayList<>();
        lastStates(changes).forEach((saleId, c) -> {
            if (c.op().equals("D")) {
                rows.add(saleId + "|<null>|<null>|<null>|<null>|<null>|<null>|<null>|<null>|<null>|true|D");
                return;
            }
            SalesImage i = c.image();
            rows.add(String.join("|", saleId, i.itemId(), i.category(),
                    BigDecimal.valueOf(i.price()).setScale(4).toPlainString(), Integer.toString(i.quantity()),
                    java.sql.Timestamp.valueOf(java.time.LocalDateTime.ofInstant(i.orderDate(), ZoneOffset.UTC)).toString(),
                    i.orderDate().atOffset(ZoneOffset.UTC).toLocalDate().toString().replace("-", ""),
                    i.destinationState(), i.shippingType(), i.referral() == null ? "<null>" : i.referral(),
                    Boolean.toString(c.op().equals("D")), c.op()));
        });
        return rows;
    }

    /** The last change per sale by a plain sort on (change_ts, source_seq, change_key). */
    private static Map<String, SalesChange> lastStates(List<SalesChange> changes) {
        Map<String, SalesChange> last = new TreeMap<>();
        changes.stream()
                .sorted(java.util.Comparator.comparing(SalesChange::changeTs).thenComparing(SalesChange::sourceSeq)
                        .thenComparing(SalesChange::changeKey))
                .forEach(c -> last.put(c.saleId(), c));
        return last;
    }

    /** Random histories of 40 sales: inserts, updates and deletes (and reinserts) over two seasons, shuffled. */
    private static List<SalesChange> generatedChanges(int count, long seed) {
        java.util.Random random = new java.util.Random(seed);
        List<SalesChange> changes = new ArrayList<>();
        String[] categories = {"Books", "Toys", "Garden"};
        for (int i = 0; i < count; i++) {
            String saleId = "S" + random.nextInt(40);
            boolean first = changes.stream().noneMatch(c -> c.saleId().equals(saleId));
            String op = first ? "I" : switch (random.nextInt(5)) {
                case 0 -> "D";
                case 1 -> "I";
                default -> "U";
            };
            Instant ts = Instant.parse("2026-11-24T10:00:00Z").plusSeconds(random.nextInt(600));
            Instant ordered = Instant.parse(random.nextBoolean() ? "2026-11-20T08:00:00Z" : "2026-07-14T08:00:00Z")
                    .plus(Duration.ofHours(random.nextInt(24 * 5)));
            SalesImage image = op.equals("D") ? deleteImage() : new SalesImage("I-" + random.nextInt(10),
                    categories[random.nextInt(3)], (100 + random.nextInt(9000)) / 100.0, 1 + random.nextInt(5), ordered,
                    "NY", "Express", random.nextBoolean() ? null : "Ref \"" + i + "\", x");
            changes.add(new SalesChange(SalesChange.DMS, op, saleId, ts, String.format("f:%06d", random.nextInt(1000)), image));
        }
        java.util.Collections.shuffle(changes, random);
        return changes;
    }

    // ------------------------------------------------------------------ helpers

    private static SalesChange change(String op, String saleId, String time, String seq, SalesImage image) {
        return new SalesChange(SalesChange.DMS, op, saleId, Instant.parse("2026-11-24T" + time + "Z"), seq, image);
    }

    private static SalesImage image(String itemId, String category, String price, int quantity, String referral) {
        return new SalesImage(itemId, category, Double.parseDouble(price), quantity,
                Instant.parse("2026-11-24T09:00:00Z"), "CA", "Standard", referral);
    }

    private static SalesImage deleteImage() {
        return new SalesImage(null, null, null, null, null, null, null, null);
    }

    private static SalesLoadRequest request(String checksum, List<SalesChange> changes) {
        return new SalesLoadRequest(List.of("dt=2026-11-24"), "run", checksum, dataset(changes));
    }

    /** The changes as the curated sales_changes rows Spark reads (schema column order; local[2] spreads them over 2 partitions). */
    private static Dataset<Row> dataset(List<SalesChange> changes) {
        List<Row> rows = changes.stream().map(c -> RowFactory.create(c.toRow())).toList();
        return spark.createDataFrame(rows, DatasetStructs.dataColumns(DatasetSchemas.get(SalesChange.DATASET)));
    }

    private static SalesLoader loader(ConnectionSource connections) {
        return new SalesLoader(new AuditedLoad(connections, SCHEMA, QUICK_RETRIES, CLOCK), new PostgresDatasetCopy(WarehouseConnector.embedded(warehouse.server()).endpoint(), SCHEMA));
    }

    private static Map<String, BigDecimal> totals(String sql) throws SQLException {
        Map<String, BigDecimal> totals = new TreeMap<>();
        try (Connection connection = warehouse.connect();
             Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                totals.put(rows.getString(1), rows.getBigDecimal(2).stripTrailingZeros());
            }
        }
        return totals;
    }

    private static List<String> dumpAll() throws SQLException {
        List<String> all = new ArrayList<>(query("SELECT * FROM tidemark.fact_sales ORDER BY sale_id"));
        all.addAll(query("SELECT * FROM tidemark.dim_item ORDER BY item_key"));
        return all;
    }

    private static List<String> query(String sql) throws SQLException {
        try (Connection connection = warehouse.connect()) {
            return TableDump.of(connection, sql);
        }
    }

    private static Connection lossyCommit(Connection connection, AtomicInteger commits) {
        return (Connection) Proxy.newProxyInstance(SalesLoaderTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("commit")) {
                        connection.commit();
                        if (commits.incrementAndGet() == 1) {
                            throw new SQLException("An I/O error occurred while sending to the backend", "08006");
                        }
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
