package io.tidemark.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.config.JobSpec;
import io.tidemark.config.JobSpecs;
import io.tidemark.landing.LandingWindow;
import io.tidemark.ops.RunResult;
import io.tidemark.RunStatus;
import io.tidemark.testing.LocalSpark;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.io.output.NullOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 item 1, on a landing written by hand from FORMATS.md (not by the demo generator): the Aurora trigger loads
 * a historical Sales table, so most OrderDates lie months before their object arrived. No sale may be quarantined
 * as TOO_LATE, and {@code v_sales_by_season} must equal price x quantity summed over every sale by the
 * (meteorological) season of its order date, computed here from the lines themselves.
 */
class BackDatedAuroraSalesTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-24");
    private static final String KEY = "aurora-sales/2026/11/24/10/aurora-sales-1-2026-11-24-10-05-00-"
            + "1b4e28ba-2fa1-11d2-883f-0016d3cca427";

    @TempDir
    static Path workdir;

    private static TidemarkRuntime runtime;
    private static RunResult run;
    private static final List<String> LINES = new ArrayList<>();

    @BeforeAll
    static void landAYearOfSalesInOneObjectAndRunTheJob() throws Exception {
        String[] categories = {"Books", "Toys", "Garden"};
        for (int month = 1; month <= 12; month++) {
            int year = month == 12 ? 2025 : 2026;
            for (int sale = 0; sale < 3; sale++) {
                LINES.add(String.format("I-%d%02d%d,%s,%d.%02d,%d,%d-%02d-%02d 1%d:30:00,WA,Standard,Direct",
                        year, month, sale, categories[sale], 10 + month, 25 * sale, 1 + sale, year, month,
                        1 + 9 * sale, sale));
            }
        }
        Path object = workdir.resolve("landing").resolve(KEY);
        Files.createDirectories(object.getParent());
        Files.writeString(object, String.join("\n", LINES) + "\n", StandardCharsets.UTF_8);

        runtime = new TidemarkRuntime(workdir, LocalSpark.config(workdir));
        JobSpec spec = new JobSpecs().get("aurora_sales");
        run = new JobRunner(runtime, new PrintStream(NullOutputStream.INSTANCE)).run(spec, LandingWindow.hour(DAY, 10), true);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void noBackDatedSaleIsQuarantined() {
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.rowsQuarantined()).isZero();
        assertThat(run.rowsOut()).isEqualTo(LINES.size());
    }

    @Test
    void salesBySeasonIsTheSumOfEverySaleBySeasonOfItsOrderDate() throws Exception {
        Map<String, BigDecimal> expected = new TreeMap<>();
        for (String line : LINES) {
            String[] f = line.split(",");
            int month = Integer.parseInt(f[4].substring(5, 7));
            String season = switch (month) {
                case 12, 1, 2 -> "Winter";
                case 3, 4, 5 -> "Spring";
                case 6, 7, 8 -> "Summer";
                default -> "Autumn";
            };
            expected.merge(season, new BigDecimal(f[2]).multiply(new BigDecimal(f[3])), BigDecimal::add);
        }
        expected.replaceAll((season, total) -> total.stripTrailingZeros());

        Map<String, BigDecimal> view = new TreeMap<>();
        try (Connection connection = runtime.warehouse().open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT d_season, total_sales FROM tidemark.v_sales_by_season")) {
            while (rows.next()) {
                view.put(rows.getString(1), rows.getBigDecimal(2).stripTrailingZeros());
            }
        }
        assertThat(view).hasSize(4).isEqualTo(expected);
    }
}
