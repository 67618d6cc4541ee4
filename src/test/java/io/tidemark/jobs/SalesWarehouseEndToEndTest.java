package io.tidemark.jobs;

import io.tidemark.warehouse.model.ModelLoadContext;
import io.tidemark.warehouse.model.ModelLoadResult;
import io.tidemark.warehouse.model.WarehouseModels;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.config.JobSpec;
import io.tidemark.config.JobSpecs;
import io.tidemark.config.PartitionKey;
import io.tidemark.demo.GeneratedUsersReference;
import io.tidemark.demo.SalesCdcGroundTruth;
import io.tidemark.demo.SalesCdcLandingGenerator;
import io.tidemark.demo.SalesCdcLandingSettings;
import io.tidemark.demo.UserVersion;
import io.tidemark.demo.UsersReferenceGenerator;
import io.tidemark.demo.UsersReferenceSettings;
import io.tidemark.landing.LandingWindow;
import io.tidemark.landing.WindowDiscovery;
import io.tidemark.lake.PartitionVersion;
import io.tidemark.ops.RunResult;
import io.tidemark.RunStatus;
import io.tidemark.sources.cdc.SalesImage;
import io.tidemark.testing.LocalSpark;
import io.tidemark.warehouse.DimDateRow;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.io.output.NullOutputStream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real curate + load path (JobRunner with Spark, the Derby metastore and the embedded PostgreSQL) over a
 * generated landing of the three sales feeds and two users snapshots: the warehouse must hold exactly the
 * generators' ground truth (final state per sale, SCD2 versions), and the sales views the figures computed from it.
 */
class SalesWarehouseEndToEndTest {
    private static final List<String> JOBS = List.of("users", "aurora_sales", "dms_sales", "debezium_sales");

    @TempDir
    static Path workdir;

    private static TidemarkRuntime runtime;
    private static SalesCdcGroundTruth sales;
    private static GeneratedUsersReference users;
    private static final List<RunResult> RUNS = new ArrayList<>();

    @BeforeAll
    static void runEveryWindowOfTheSalesAndUsersJobs() throws Exception {
        Path landing = workdir.resolve("landing");
        sales = SalesCdcGroundTruth.of(new SalesCdcLandingGenerator(SalesCdcLandingSettings.small()).generate(landing));
        users = GeneratedUsersReference.of(new UsersReferenceGenerator(UsersReferenceSettings.small()).generate(landing));
        runtime = new TidemarkRuntime(workdir, LocalSpark.config(workdir));
        JobRunner runner = new JobRunner(runtime, new PrintStream(NullOutputStream.INSTANCE));
        WindowDiscovery discovery = new WindowDiscovery(runtime.spark().sparkContext().hadoopConfiguration());
        for (String job : JOBS) {
            JobSpec spec = new JobSpecs().get(job);
            for (LandingWindow window : discovery.windows(runtime.config().landingRoot(), spec)) {
                RUNS.add(runner.run(spec, window, true));
            }
        }
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void factSalesHoldsExactlyTheFinalStateOfTheGeneratedHistory() throws Exception {
        assertThat(RUNS).isNotEmpty().allSatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED));

        Map<String, String> expected = new TreeMap<>();
        sales.finalState().forEach((saleId, image) -> expected.put(saleId, render(image)));
        Map<String, String> live = new TreeMap<>();
        for (List<Object> row : query("SELECT sale_id, item_id, category, price, quantity, order_date, destination_state, "
                + "shipping_type, referral FROM tidemark.fact_sales WHERE is_deleted = FALSE")) {
            live.put((String) row.get(0), String.join("|", String.valueOf(row.get(1)), String.valueOf(row.get(2)),
                    ((BigDecimal) row.get(3)).stripTrailingZeros().toPlainString(), String.valueOf(row.get(4)),
                    String.valueOf(row.get(5)), String.valueOf(row.get(6)), String.valueOf(row.get(7)),
                    String.valueOf(row.get(8))));
        }
        assertThat(live).isEqualTo(expected);
        assertThat(sales.deletedSaleIds()).isNotEmpty();
        assertThat(new TreeSet<>(column("SELECT sale_id FROM tidemark.fact_sales WHERE is_deleted")))
                .isEqualTo(sales.deletedSaleIds());
    }

    @Test
    void salesViewsEqualTheFiguresOfTheFinalState() throws Exception {
        Map<String, BigDecimal> bySeason = new TreeMap<>();
        Map<String, BigDecimal> byWeekday = new TreeMap<>();
        for (SalesImage sale : sales.finalState().values()) {
            BigDecimal total = BigDecimal.valueOf(sale.price()).multiply(BigDecimal.valueOf(sale.quantity()));
            DimDateRow day = DimDateRow.of(sale.orderDate().atOffset(ZoneOffset.UTC).toLocalDate());
            bySeason.merge(day.season(), total, BigDecimal::add);
            byWeekday.merge(day.dayOfWeek(), total, BigDecimal::add);
        }

        assertThat(totals("SELECT d_season, total_sales FROM tidemark.v_sales_by_season")).isEqualTo(stripped(bySeason));
        assertThat(totals("SELECT d_dayofweek, total_sales FROM tidemark.v_sales_by_weekday")).isEqualTo(stripped(byWeekday));
    }

    @Test
    void dimUserHoldsExactlyTheGeneratorsVersions() throws Exception {
        List<String> expected = new ArrayList<>();
        for (UserVersion v : users.dimUser()) {
            expected.add(v.userId() + "|" + v.gender() + "|" + v.segmentId() + "|" + v.validFrom().atStartOfDay() + "|"
                    + (v.validTo() == null ? "9999-12-31T00:00" : v.validTo().atStartOfDay().toString()) + "|" + v.isCurrent());
        }

        List<String> loaded = new ArrayList<>();
        for (List<Object> row : query("SELECT user_id, gender, segment_id, valid_from, valid_to, is_current "
                + "FROM tidemark.dim_user ORDER BY user_id, valid_from")) {
            loaded.add(row.stream().map(String::valueOf).reduce((a, b) -> a + "|" + b).orElseThrow());
        }
        assertThat(loaded).isEqualTo(expected);
    }

    @Test
    void loadingThePublishedChangesAgainChangesNothing() throws Exception {
        List<List<Object>> before = query("SELECT * FROM tidemark.fact_sales ORDER BY sale_id");
        List<List<Object>> itemsBefore = query("SELECT * FROM tidemark.dim_item ORDER BY item_key");
        List<PartitionVersion> republished = new ArrayList<>();
        for (Row partition : runtime.spark().sql("SHOW PARTITIONS curated.sales_changes").collectAsList()) {
            String dt = partition.getString(0).substring("dt=".length());
            republished.add(new PartitionVersion(PartitionKey.of("sales_changes", List.of("dt"), List.of(dt)), "replay"));
        }

        List<ModelLoadResult> replay = WarehouseModels.named("sales").load(runtime.modelContext(), "replay-run",
                Map.of("sales_changes", republished));

        assertThat(replay).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(ModelLoadResult.Outcome.LOADED);
            assertThat(r.rows()).isEqualTo(sales.storedRows());
        });
        assertThat(query("SELECT * FROM tidemark.fact_sales ORDER BY sale_id")).isEqualTo(before);
        assertThat(query("SELECT * FROM tidemark.dim_item ORDER BY item_key")).isEqualTo(itemsBefore);
        assertThat(WarehouseModels.named("sales").load(runtime.modelContext(), "replay-run-2",
                Map.of("sales_changes", republished))).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(ModelLoadResult.Outcome.SKIPPED));
    }

    private static String render(SalesImage image) {
        return String.join("|", image.itemId(), image.category(),
                BigDecimal.valueOf(image.price()).stripTrailingZeros().toPlainString(), String.valueOf(image.quantity()),
                LocalDateTime.ofInstant(image.orderDate(), ZoneOffset.UTC).toString(), image.destinationState(),
                image.shippingType(), String.valueOf(image.referral()));
    }

    private static Map<String, BigDecimal> stripped(Map<String, BigDecimal> totals) {
        Map<String, BigDecimal> result = new TreeMap<>();
        totals.forEach((k, v) -> result.put(k, v.stripTrailingZeros()));
        return result;
    }

    private static Map<String, BigDecimal> totals(String sql) throws SQLException {
        Map<String, BigDecimal> totals = new TreeMap<>();
        for (List<Object> row : query(sql)) {
            totals.put((String) row.get(0), ((BigDecimal) row.get(1)).stripTrailingZeros());
        }
        return totals;
    }

    private static List<String> column(String sql) throws SQLException {
        return query(sql).stream().map(row -> (String) row.get(0)).toList();
    }

    /** Rows as lists of JDBC values; TIMESTAMP columns as LocalDateTime (UTC wall time). */
    private static List<List<Object>> query(String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = runtime.warehouse().open(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    Object value = result.getObject(i);
                    row.add(value instanceof java.sql.Timestamp ? result.getObject(i, LocalDateTime.class) : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
