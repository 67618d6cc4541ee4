package io.tidemark.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.catalog.TableRef;
import io.tidemark.catalog.hive.HiveCatalog;
import io.tidemark.config.ConfigException;
import io.tidemark.config.JobSpec;
import io.tidemark.config.JobSpecs;
import io.tidemark.config.RuntimeConfig;
import io.tidemark.config.PartitionKey;
import io.tidemark.demo.CloudWatchLandingGenerator;
import io.tidemark.demo.CloudWatchLandingSettings;
import io.tidemark.lake.ParquetFolders;
import io.tidemark.lake.PartitionVersion;
import io.tidemark.landing.LandingWindow;
import io.tidemark.ops.RunResult;
import io.tidemark.RunStatus;
import io.tidemark.testing.LocalSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compact} on a real local Spark and Derby metastore: a lake curated from a generated landing, then one
 * partition replaced (through the catalog) by a version of many tiny files, as an external writer would leave it.
 * Compaction rewrites that partition only, with the same rows, in fewer files, at a new location; a second
 * compaction writes nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CompactJobTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-24");
    private static final PartitionKey SWARM = PartitionKey.parse("vpc_flow_logs/dt=2026-11-24/hr=10");
    private static final int SWARM_FILES = 24;

    @TempDir
    static Path workdir;

    private static SparkSession spark;
    private static RuntimeConfig config;
    private static JobSpec spec;
    private static TableRef flows;
    private static String swarmLocation;
    private static List<String> swarmRows;

    @BeforeAll
    static void start() throws IOException {
        new CloudWatchLandingGenerator(CloudWatchLandingSettings.small()).generate(workdir.resolve("landing"));
        config = LocalSpark.config(workdir);
        spark = SparkSessions.create(config, workdir);
        spec = new JobSpecs().get("cwlogs");
        flows = new TableRef(config.catalog().curatedDatabase(), "vpc_flow_logs");
        new CurateJob(spark, config, catalog()).run(spec, LandingWindow.hour(DAY, 10)).commitLedger();

        String published = catalog().locations(flows, List.of(SWARM)).get(SWARM);
        swarmLocation = config.lakeRoot() + "/curated/vpc_flow_logs/v-external/" + SWARM.path();
        spark.read().parquet(published).repartition(SWARM_FILES).write().parquet(swarmLocation);
        catalog().publish(flows, List.of(new PartitionVersion(SWARM, swarmLocation)));
        swarmRows = rows(SWARM);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static HiveCatalog catalog() {
        return new HiveCatalog(spark);
    }

    private static CompactOutcome compact(Optional<String> dataset) {
        PrintStream progress = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new CompactJob(spark, config, catalog()).run(spec, DAY, dataset, progress);
    }

    private static List<String> rows(PartitionKey key) {
        return spark.table(flows.quoted()).where("dt = '" + key.values().get("dt") + "' AND hr = '" + key.values().get("hr") + "'")
                .collectAsList().stream().map(Row::toString).sorted().toList();
    }

    private static int files(String location) {
        return new ParquetFolders(spark.sparkContext().hadoopConfiguration()).fileSizes(location).size();
    }

    private static Map<PartitionKey, String> dayLocations(String dataset) {
        return catalog().locations(new TableRef(flows.database(), dataset),
                CompactJob.partitionsOf(io.tidemark.config.DatasetSchemas.get(dataset), DAY));
    }

    private static List<String> lakeFiles() throws IOException {
        Path lake = workdir.resolve("lake");
        try (Stream<Path> files = Files.walk(lake)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.toString().contains("_tidemark"))
                    .map(p -> lake.relativize(p) + ":" + p.toFile().length()).sorted().toList();
        }
    }

    @Test
    @Order(1)
    void aDatasetWithWellSizedPartitionsIsLeftAlone() throws IOException {
        assertThat(files(swarmLocation)).isEqualTo(SWARM_FILES);
        Map<PartitionKey, String> appLogsBefore = dayLocations("app_logs");
        List<String> filesBefore = lakeFiles();

        CompactOutcome outcome = compact(Optional.of("app_logs"));

        assertThat(outcome.partitions()).isNotEmpty().allSatisfy(p -> assertThat(p.rewritten()).isFalse());
        assertThat(outcome.toRunResult(0).status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(dayLocations("app_logs")).isEqualTo(appLogsBefore);
        assertThat(lakeFiles()).isEqualTo(filesBefore);
    }

    @Test
    @Order(2)
    void aPartitionOfManySmallFilesIsRewrittenWithTheSameRowsInFewerFilesAtANewLocation() {
        Map<PartitionKey, String> before = dayLocations("vpc_flow_logs");

        CompactOutcome outcome = compact(Optional.empty());

        RunResult result = outcome.toRunResult(0);
        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.partitions()).containsExactly(SWARM.label());
        assertThat(result.rowsOut()).isEqualTo(swarmRows.size());
        assertThat(result.quality().failed()).isEmpty();
        assertThat(outcome.rewritten()).singleElement().satisfies(p -> {
            assertThat(p.filesBefore()).isEqualTo(SWARM_FILES);
            assertThat(p.filesAfter()).isEqualTo(1);
        });

        Map<PartitionKey, String> after = dayLocations("vpc_flow_logs");
        assertThat(after.get(SWARM)).isNotEqualTo(swarmLocation).contains("/v-" + outcome.runId() + "/");
        assertThat(files(after.get(SWARM))).isEqualTo(1);
        assertThat(rows(SWARM)).isEqualTo(swarmRows);
        before.keySet().stream().filter(k -> !k.equals(SWARM)).forEach(k -> assertThat(after.get(k)).as(k.label()).isEqualTo(before.get(k)));
    }

    @Test
    @Order(3)
    void compactingAgainWritesNothing() throws IOException {
        Map<PartitionKey, String> before = dayLocations("vpc_flow_logs");
        List<String> filesBefore = lakeFiles();

        CompactOutcome outcome = compact(Optional.empty());

        assertThat(outcome.rewritten()).isEmpty();
        assertThat(outcome.toRunResult(0).status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(dayLocations("vpc_flow_logs")).isEqualTo(before);
        assertThat(lakeFiles()).isEqualTo(filesBefore);
    }

    @Test
    @Order(4)
    void aDatasetTheJobDoesNotWriteIsRejected() {
        assertThatThrownBy(() -> compact(Optional.of("ses_events")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ses_events").hasMessageContaining("cwlogs");
    }
}
