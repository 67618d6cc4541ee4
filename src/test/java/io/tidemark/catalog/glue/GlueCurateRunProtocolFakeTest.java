package io.tidemark.catalog.glue;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.catalog.PublishedPartitionReader;
import io.tidemark.catalog.TableRef;
import io.tidemark.config.DatasetSchema;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.config.JobSpec;
import io.tidemark.config.JobSpecs;
import io.tidemark.config.RuntimeConfig;
import io.tidemark.conform.PartitionKey;
import io.tidemark.demo.CloudWatchLandingGenerator;
import io.tidemark.demo.CloudWatchLandingSettings;
import io.tidemark.demo.GeneratedLanding;
import io.tidemark.jobs.CurateJob;
import io.tidemark.jobs.CurateOutcome;
import io.tidemark.jobs.SparkSessions;
import io.tidemark.landing.LandingWindow;
import io.tidemark.ops.RunResult;
import io.tidemark.ops.RunStatus;
import io.tidemark.sources.DatasetStructs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The curate job with catalog kind {@code glue} against {@link GlueProtocolFake} (the Glue service cannot run
 * here) on a real local Spark: Spark SQL does not know the tables, so dedup against the published rows (the
 * redelivered object lands an hour after the original) and reprocessing read the partitions from the locations
 * the Glue catalog returns. The tests run in order over one lake, as successive scheduler runs would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GlueCurateRunProtocolFakeTest {
    private static final DatasetSchema FLOWS = DatasetSchemas.get("vpc_flow_logs");
    private static final TableRef FLOW_TABLE = new TableRef("curated", "vpc_flow_logs");

    @TempDir
    static Path workdir;

    private static SparkSession spark;
    private static RuntimeConfig config;
    private static GeneratedLanding landing;
    private static JobSpec spec;
    private static GlueProtocolFake glue;
    private static GlueCatalog catalog;
    private static final List<RunResult> FIRST_RUNS = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        landing = new CloudWatchLandingGenerator(CloudWatchLandingSettings.small()).generate(workdir.resolve("landing"));
        glue = GlueProtocolFake.start();
        config = new RuntimeConfig(null, null, new io.tidemark.config.CatalogConfig(io.tidemark.config.CatalogConfig.Kind.GLUE,
                null, null, null, "eu-west-1", glue.endpoint().toString(), null), null,
                new io.tidemark.config.SparkConfig("local[2]", Map.of("spark.sql.shuffle.partitions", "2")))
                .resolveAgainst(workdir);
        catalog = GlueCatalog.connect(config.catalog(), StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test")));
        spark = SparkSessions.create(config, workdir);
        spec = new JobSpecs().get("cwlogs");
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
        catalog.close();
        glue.close();
    }

    @Test
    @Order(1)
    void runsStoreEveryRecordOnceAndRegisterThePartitionsInGlueOnly() {
        for (LandingWindow window : windows()) {
            CurateOutcome outcome = new CurateJob(spark, config, catalog).run(spec, window);
            outcome.commitLedger();
            FIRST_RUNS.add(outcome.result());
        }
        assertThat(FIRST_RUNS).allSatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED));
        assertThat(spark.catalog().tableExists("curated", "vpc_flow_logs")).as("Spark's own metastore is not used").isFalse();

        assertThat(glue.locations("curated", "vpc_flow_logs").keySet().stream().map(v -> "dt=" + v.get(0) + "/hr=" + v.get(1)).toList())
                .containsExactlyInAnyOrderElementsOf(landing.flowRowsByPartition().keySet());
        assertThat(publishedRowsByPartition()).isEqualTo(landing.flowRowsByPartition());
        assertThat(FIRST_RUNS.stream().mapToLong(RunResult::rowsDuplicate).sum())
                .as("the redelivered object's events were found among the rows published through Glue")
                .isEqualTo(landing.redeliveredEvents());
        assertThat(FIRST_RUNS.stream().mapToLong(RunResult::rowsOut).sum()).isEqualTo(landing.flowEvents() + landing.appEvents());
    }

    @Test
    @Order(2)
    void readerGivesTheCuratedRowLayout() {
        List<PartitionKey> keys = publishedKeys();
        Dataset<Row> rows = new PublishedPartitionReader(spark, catalog).read(FLOW_TABLE, FLOWS, keys).orElseThrow();
        assertThat(rows.schema().fieldNames()).containsExactly(DatasetStructs.curatedRow(FLOWS).fieldNames());
        assertThat(new PublishedPartitionReader(spark, catalog).read(FLOW_TABLE, FLOWS,
                List.of(PartitionKey.of("vpc_flow_logs", List.of("dt", "hr"), List.of("2001-01-01", "00"))))).isEmpty();
    }

    @Test
    @Order(3)
    void reprocessingObjectsAlreadyStoredChangesNothingInGlue() throws IOException {
        // as after a crash between publish and the ledger commit: the ledger forgets, the lake and Glue remember
        deleteRecursively(workdir.resolve("lake/_tidemark/ledger"));
        Map<List<String>, String> before = glue.locations("curated", "vpc_flow_logs");

        RunResult again = new CurateJob(spark, config, catalog).run(spec, windows().get(0)).result();

        assertThat(again.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(again.rowsOut()).isZero();
        assertThat(again.rowsDuplicate()).isEqualTo(FIRST_RUNS.get(0).rowsOut() + FIRST_RUNS.get(0).rowsDuplicate());
        assertThat(glue.locations("curated", "vpc_flow_logs")).isEqualTo(before);
        assertThat(publishedRowsByPartition()).isEqualTo(landing.flowRowsByPartition());
    }

    private static List<LandingWindow> windows() {
        List<LandingWindow> windows = new ArrayList<>();
        for (int h = 0; h < landing.settings().hours(); h++) {
            ZonedDateTime hour = landing.settings().firstHour().atZone(ZoneOffset.UTC).plusHours(h);
            windows.add(LandingWindow.hour(hour.toLocalDate(), hour.getHour()));
        }
        return windows;
    }

    private static List<PartitionKey> publishedKeys() {
        return glue.locations("curated", "vpc_flow_logs").keySet().stream()
                .map(v -> PartitionKey.of("vpc_flow_logs", List.of("dt", "hr"), v)).toList();
    }

    private static Map<String, Long> publishedRowsByPartition() {
        Map<String, Long> counts = new TreeMap<>();
        Dataset<Row> rows = new PublishedPartitionReader(spark, catalog).read(FLOW_TABLE, FLOWS, publishedKeys()).orElseThrow();
        for (Row row : rows.groupBy("dt", "hr").count().collectAsList()) {
            counts.put("dt=" + row.getString(0) + "/hr=" + row.getString(1), row.getLong(2));
        }
        return counts;
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
