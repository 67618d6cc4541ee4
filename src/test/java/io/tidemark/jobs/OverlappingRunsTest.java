package io.tidemark.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.catalog.TableRef;
import io.tidemark.catalog.glue.GlueCatalog;
import io.tidemark.config.CatalogConfig;
import io.tidemark.demo.CloudWatchLandingGenerator;
import io.tidemark.demo.CloudWatchLandingSettings;
import io.tidemark.demo.FlowLinesLanding;
import io.tidemark.demo.FlowLinesLandingSettings;
import io.tidemark.demo.FlowLogLinesLandingGenerator;
import io.tidemark.demo.GeneratedLanding;
import io.tidemark.testing.LocalSpark;
import io.tidemark.testing.MotoServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Two processes on the same tables never lose a row: real {@code java} processes (the CLI main class, or for the
 * runs with a guard switched off the test-only {@link ChoreographedRun}) on one lake, with catalog kind {@code glue}
 * on the AWS API emulator. The lake is on the local file system (leases created atomically by hard link), except for
 * the two-jobs scenario, whose landing and lake are {@code s3a://} buckets on the same emulator (leases created with
 * a conditional write, {@code If-None-Match: *}). Every flow event the generators wrote must be in
 * {@code vpc_flow_logs} exactly once (ground truth of {@link CloudWatchLandingGenerator} and
 * {@link FlowLogLinesLandingGenerator}), read back through the partitions' published locations in the catalog.
 * The same choreography with both guards off loses rows, which shows the test sees the defect.
 */
class OverlappingRunsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DAY = "2026-11-24";
    private static final int FIRST_HOUR = 10;

    @TempDir
    static Path root;
    private static MotoServer moto;
    private static SparkSession spark;
    private static Path landing;
    private static GeneratedLanding cwlogs;
    private static FlowLinesLanding flowlines;

    @BeforeAll
    static void start() throws IOException {
        moto = MotoServer.start();
        landing = root.resolve("landing");
        cwlogs = GeneratedLanding.of(new CloudWatchLandingGenerator(CloudWatchLandingSettings.small()).generate(landing));
        flowlines = FlowLinesLanding.of(new FlowLogLinesLandingGenerator(FlowLinesLandingSettings.small()).generate(landing));
        spark = LocalSpark.start(root.resolve("reader"));
        moto.s3aSettings().forEach(spark.sparkContext().hadoopConfiguration()::set);
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
        if (moto != null) {
            moto.stop();
        }
    }

    /**
     * The hourly DAG's parallel tasks: cwlogs and flowlines both write vpc_flow_logs; then their retries. Landing and
     * lake on S3: the lease is an object created with a conditional write, the versions are S3 prefixes.
     */
    @Test
    void twoJobsWritingOneTableTogetherOnS3KeepEveryFlowEventOnce() throws Exception {
        Scenario s = new Scenario("jobs", Storage.S3);
        Child cw = s.cli("cw", "run", "cwlogs", "--date", DAY);
        Child fl = s.cli("fl", "run", "flowlines", "--date", DAY);
        assertThat(cw.status()).isEqualTo("SUCCEEDED");
        assertThat(fl.status()).isEqualTo("SUCCEEDED");

        Child cwRetry = s.cli("cw-retry", "run", "cwlogs", "--date", DAY);
        Child flRetry = s.cli("fl-retry", "run", "flowlines", "--date", DAY);
        assertThat(cwRetry.status()).isEqualTo("SKIPPED");
        assertThat(flRetry.status()).isEqualTo("SKIPPED");

        PublishedFlowEvents stored = s.publishedFlowEvents();
        assertThat(stored.byPartition()).isEqualTo(expected(cwlogs.flowRowsByPartition(), flowlines.rowsByPartition()));
        assertThat(stored.duplicates()).isZero();
        assertThat(s.leaseGenerations("vpc_flow_logs")).as("the table's lease, kept in the lake's bucket").isNotEmpty();
    }

    /**
     * A backfill beside the schedule: hour 11 carries late events of hr=10, merged by both runs at once. Then, on
     * the same lake, {@code gc} with no retention starts while a third run holds the table, its new versions written
     * but not yet published: gc waits for the lease, then deletes only what nobody references (the hr=10 versions
     * the later runs replaced). One lake for both checks saves the child processes of a second set-up.
     */
    @Test
    void twoHoursOfOneJobTogetherKeepEveryFlowEventOnceAndGcRacingTheNextRunDeletesNothingReferenced() throws Exception {
        Scenario s = new Scenario("hours", Storage.LOCAL);
        Child h10 = s.cli("h10", "run", "cwlogs", "--date", DAY, "--hour", String.valueOf(FIRST_HOUR));
        Child h11 = s.cli("h11", "run", "cwlogs", "--date", DAY, "--hour", String.valueOf(FIRST_HOUR + 1));
        JsonNode r10 = h10.result();
        JsonNode r11 = h11.result();
        assertThat(r10.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(r11.path("status").asText()).isEqualTo("SUCCEEDED");
        String shared = "vpc_flow_logs/dt=" + DAY + "/hr=" + FIRST_HOUR;
        assertThat(texts(r10.path("partitions"))).contains(shared);
        assertThat(texts(r11.path("partitions"))).as("hour 11 has late events of hr=10").contains(shared);

        PublishedFlowEvents afterHours = s.publishedFlowEvents();
        assertThat(afterHours.byPartition()).isEqualTo(cwlogs.flowRowsByPartition());
        assertThat(afterHours.duplicates()).isZero();

        // gc racing a run: the flowlines run of the day writes new versions of hr=10 and hr=11, then waits for gc
        Child run = s.choreographed(OverlapSafety.FULL, "fl", "gc-waiting", "flowlines");
        s.awaitFile(s.marker("written-fl"), run);
        Child gc = s.cli("gc", "gc", "cwlogs", "--retention-hours", "0");
        s.awaitStderr(gc, "is leased by run");
        Files.writeString(s.marker("gc-waiting"), "");

        assertThat(run.lastLine()).startsWith("status=SUCCEEDED");
        JsonNode collected = gc.result();
        assertThat(collected.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(texts(collected.path("partitions"))).as("an hr=10 version a later run replaced")
                .anyMatch(p -> p.contains("vpc_flow_logs/v-") && p.endsWith("/dt=" + DAY + "/hr=" + FIRST_HOUR));
        PublishedFlowEvents afterGc = s.publishedFlowEvents();
        assertThat(afterGc.byPartition()).as("nothing referenced deleted, the racing run's versions included")
                .isEqualTo(expected(cwlogs.flowRowsByPartition(), flowlines.rowsByPartition()));
        assertThat(afterGc.duplicates()).isZero();
    }

    /**
     * Without the lease, both runs merge against the same published version: the publish check sees that the
     * partition moved, and the later run merges again instead of publishing over the first one's rows.
     */
    @Test
    void thePublishCheckAloneMergesAgainInsteadOfOverwriting() throws Exception {
        Scenario s = new Scenario("check", Storage.LOCAL);
        Child cw = s.choreographed(OverlapSafety.PUBLISH_CHECK_ONLY, "cw", "written-fl", "cwlogs");
        Child fl = s.choreographed(OverlapSafety.PUBLISH_CHECK_ONLY, "fl", "written-cw,published-cw", "flowlines");
        assertThat(cw.lastLine()).startsWith("status=SUCCEEDED");
        assertThat(fl.lastLine()).startsWith("status=SUCCEEDED");
        assertThat(fl.stderr()).contains("another run published it since this run read it").contains("merging again (attempt 2 of 3)");

        PublishedFlowEvents stored = s.publishedFlowEvents();
        assertThat(stored.byPartition()).isEqualTo(expected(cwlogs.flowRowsByPartition(), flowlines.rowsByPartition()));
        assertThat(stored.duplicates()).isZero();
    }

    /** The same choreography with the lease and the publish check off: the defect, rows lost and both runs SUCCEEDED. */
    @Test
    void withoutEitherGuardTheSameScenarioLosesRows() throws Exception {
        Scenario s = new Scenario("unguarded", Storage.LOCAL);
        Child cw = s.choreographed(OverlapSafety.NONE, "cw", "written-fl", "cwlogs");
        Child fl = s.choreographed(OverlapSafety.NONE, "fl", "written-cw,published-cw", "flowlines");
        assertThat(cw.lastLine()).startsWith("status=SUCCEEDED");
        assertThat(fl.lastLine()).startsWith("status=SUCCEEDED");

        assertThat(s.publishedFlowEvents().total()).isLessThan(cwlogs.flowEvents() + flowlines.rows());
    }

    private static SortedMap<String, Long> expected(Map<String, Long> a, Map<String, Long> b) {
        SortedMap<String, Long> sum = new TreeMap<>(a);
        b.forEach((k, v) -> sum.merge(k, v, Long::sum));
        return sum;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    /** Where a scenario's landing and lake are: the local file system, or buckets on the emulator's S3. */
    private enum Storage { LOCAL, S3 }

    /** One lake, one pair of Glue databases and one runtime config for the processes of a scenario. */
    private static final class Scenario {
        private final String name;
        private final Path dir;
        private final Path config;
        private final CatalogConfig catalog;
        private final String lakeRoot;

        Scenario(String name, Storage storage) throws IOException {
            this.name = name;
            this.dir = Files.createDirectories(root.resolve(name));
            this.catalog = new CatalogConfig(CatalogConfig.Kind.GLUE, name + "_curated", name + "_quarantine", null,
                    MotoServer.REGION, moto.endpoint().toString(), null);
            this.config = dir.resolve("runtime.json");
            Map<String, String> sparkConf = new LinkedHashMap<>(Map.of("spark.sql.shuffle.partitions", "2",
                    "spark.ui.enabled", "false"));
            String landingRoot;
            if (storage == Storage.S3) {
                String bucket = "tm-race-" + name;
                moto.createBucket(bucket);
                landingRoot = "s3a://" + bucket + "/landing";
                lakeRoot = "s3a://" + bucket + "/lake";
                sparkConf.putAll(moto.s3aSparkSettings());
                // fewer S3 calls per write (a rename is a copy and a delete): task commits move files straight into
                // the version folder, and the folder markers S3A would delete after each file stay
                sparkConf.put("spark.hadoop.mapreduce.fileoutputcommitter.algorithm.version", "2");
                sparkConf.put("spark.hadoop.fs.s3a.directory.marker.retention", "keep");
                org.apache.hadoop.fs.Path landingOnS3 = new org.apache.hadoop.fs.Path(landingRoot);
                landingOnS3.getFileSystem(spark.sparkContext().hadoopConfiguration())
                        .copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(landing.toUri()), landingOnS3);
            } else {
                landingRoot = landing.toUri().toString();
                lakeRoot = dir.resolve("lake").toUri().toString();
            }
            ObjectNode runtime = JSON.createObjectNode().put("landingRoot", landingRoot).put("lakeRoot", lakeRoot);
            runtime.putObject("catalog").put("kind", "glue").put("curatedDatabase", catalog.curatedDatabase())
                    .put("quarantineDatabase", catalog.quarantineDatabase()).put("region", MotoServer.REGION)
                    .put("endpoint", moto.endpoint().toString());
            ObjectNode sparkNode = runtime.putObject("spark").put("master", "local[1]");
            sparkConf.forEach(sparkNode.putObject("conf")::put);
            runtime.putObject("leases").put("expirySeconds", 60).put("waitSeconds", 240);
            Files.writeString(config, JSON.writeValueAsString(runtime));
        }

        /** Starts {@code tidemark ARGS --skip-load} with its own workdir; {@link Child#result()} waits for it. */
        Child cli(String label, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(args));
            if (command.get(0).equals("run")) {
                command.add("--skip-load");
            }
            command.addAll(List.of("--workdir", dir.resolve("work-" + label).toString(), "--config", config.toString()));
            return start(label, "io.tidemark.cli.TidemarkCli", command);
        }

        /** A {@link ChoreographedRun} of the job over the day, or over one hour of it. */
        Child choreographed(OverlapSafety safety, String self, String await, String job, String... hour) throws IOException {
            List<String> args = new ArrayList<>(List.of(safety.name(), dir.resolve("markers").toString(), self,
                    await, dir.resolve("work-" + self).toString(), config.toString(), job, DAY));
            args.addAll(List.of(hour));
            return start(self, ChoreographedRun.class.getName(), args);
        }

        Path marker(String name) throws IOException {
            return Files.createDirectories(dir.resolve("markers")).resolve(name);
        }

        /** Waits for a file another process writes; fails if that process ends first. */
        void awaitFile(Path file, Child writer) throws Exception {
            while (!Files.exists(file)) {
                if (!writer.process().isAlive()) {
                    throw new AssertionError(writer.label() + " ended before writing " + file + "; stderr:\n" + writer.stderr());
                }
                Thread.sleep(100);
            }
        }

        /** Waits until the process has printed the text on stderr; fails if it ends first. */
        void awaitStderr(Child child, String text) throws Exception {
            while (!child.stderr().contains(text)) {
                if (!child.process().isAlive()) {
                    throw new AssertionError(child.label() + " ended without printing '" + text + "'; stderr:\n" + child.stderr());
                }
                Thread.sleep(100);
            }
        }

        private Child start(String label, String mainClass, List<String> args) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(a -> a.startsWith("--add-opens") || a.startsWith("--add-exports") || a.startsWith("-Djdk.reflect")
                            || a.equals("-XX:+IgnoreUnrecognizedVMOptions"))
                    .forEach(command::add);
            command.addAll(List.of("-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classpath(), mainClass));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(dir.resolve(label + ".out").toFile())
                    .redirectError(dir.resolve(label + ".err").toFile());
            builder.environment().put("AWS_ACCESS_KEY_ID", MotoServer.ACCESS_KEY);
            builder.environment().put("AWS_SECRET_ACCESS_KEY", MotoServer.SECRET_KEY);
            builder.environment().put("AWS_REGION", MotoServer.REGION);
            builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
            return new Child(label, builder.start(), dir);
        }

        /**
         * The event ids of vpc_flow_logs, read from the locations the catalog publishes, counted per
         * {@code dt=/hr=} partition and for duplicates in one Spark job (the table is a few hundred rows).
         */
        PublishedFlowEvents publishedFlowEvents() {
            SortedMap<String, Long> byPartition = new TreeMap<>();
            Set<String> distinct = new HashSet<>();
            long total = 0;
            for (Row row : flowEvents().collectAsList()) {
                byPartition.merge(row.getString(1), 1L, Long::sum);
                distinct.add(row.getString(0));
                total++;
            }
            return new PublishedFlowEvents(byPartition, total - distinct.size());
        }

        private Dataset<Row> flowEvents() {
            Dataset<Row> all = null;
            try (GlueCatalog glue = GlueCatalog.connect(catalog,
                    StaticCredentialsProvider.create(AwsBasicCredentials.create(MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY)))) {
                for (var published : glue.allLocations(new TableRef(catalog.curatedDatabase(), "vpc_flow_logs")).entrySet()) {
                    assertThat(published.getValue()).as("a published location in the scenario's lake").startsWith(lakeRoot);
                    Dataset<Row> partition = spark.read().parquet(published.getValue()).select("event_id")
                            .withColumn("partition", lit(published.getKey().path()));
                    all = all == null ? partition : all.union(partition);
                }
            }
            assertThat(all).as("published partitions of vpc_flow_logs in " + name).isNotNull();
            return all;
        }

        /** The generations of a curated table's lease in the lake ({@code _tidemark/leases/<database>.<table>/}). */
        List<String> leaseGenerations(String table) throws IOException {
            org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(lakeRoot + "/_tidemark/leases/"
                    + catalog.curatedDatabase() + "." + table);
            FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
            List<String> names = new ArrayList<>();
            for (FileStatus generation : fs.listStatus(folder)) {
                names.add(generation.getPath().getName());
            }
            return names;
        }
    }

    /** The flow events a scenario's catalog publishes: rows per {@code dt=/hr=} partition, and how many repeat an event id. */
    private record PublishedFlowEvents(SortedMap<String, Long> byPartition, long duplicates) {
        long total() {
            return byPartition.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A child process; its stdout and stderr go to files in the scenario folder. */
    private record Child(String label, Process process, Path dir) {
        String lastLine() throws Exception {
            if (!process.waitFor(480, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(label + " did not end in 480 s; stderr:\n" + stderr());
            }
            List<String> lines = Files.readAllLines(dir.resolve(label + ".out"), StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                throw new AssertionError(label + " printed nothing (exit " + process.exitValue() + "); stderr:\n" + stderr());
            }
            return lines.get(lines.size() - 1);
        }

        /** The JSON result line; its {@code status} is checked with the line and the stderr tail in the message. */
        JsonNode result() throws Exception {
            return JSON.readTree(lastLine());
        }

        String status() throws Exception {
            String line = lastLine();
            String status = line.startsWith("{") ? JSON.readTree(line).path("status").asText() : line.replaceAll("^status=(\\w+).*", "$1");
            if (!status.equals("SUCCEEDED") && !status.equals("SKIPPED")) {
                String err = stderr();
                System.err.println(label + ": " + line + "\n" + err.substring(Math.max(0, err.length() - 4000)));
            }
            return status;
        }

        String stderr() throws IOException {
            return Files.readString(dir.resolve(label + ".err"), StandardCharsets.UTF_8);
        }
    }

    private static String classpath() {
        String path = System.getProperty("surefire.test.class.path");
        return path != null && !path.isBlank() ? path : System.getProperty("java.class.path");
    }
}
