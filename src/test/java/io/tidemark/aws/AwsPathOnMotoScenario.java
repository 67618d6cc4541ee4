package io.tidemark.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.catalog.PublishedPartitionReader;
import io.tidemark.catalog.TableRef;
import io.tidemark.catalog.glue.GlueCatalog;
import io.tidemark.config.CatalogConfig;
import io.tidemark.config.DatasetSchema;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.config.JobSpec;
import io.tidemark.config.JobSpecs;
import io.tidemark.config.RuntimeConfig;
import io.tidemark.config.SparkConfig;
import io.tidemark.config.PartitionKey;
import io.tidemark.demo.CloudWatchLandingGenerator;
import io.tidemark.demo.CloudWatchLandingSettings;
import io.tidemark.demo.GeneratedLanding;
import io.tidemark.jobs.CurateJob;
import io.tidemark.jobs.CurateOutcome;
import io.tidemark.jobs.RunIds;
import io.tidemark.jobs.SparkSessions;
import io.tidemark.jobs.VersionGc;
import io.tidemark.lake.LakeArea;
import io.tidemark.lake.LakeLayout;
import io.tidemark.landing.HadoopConf;
import io.tidemark.landing.LandingObject;
import io.tidemark.landing.LandingWindow;
import io.tidemark.landing.ObjectDiscovery;
import io.tidemark.landing.RunContext;
import io.tidemark.ops.RunResult;
import io.tidemark.RunStatus;
import io.tidemark.sources.registry.ObjectParsers;
import io.tidemark.sources.ParsedObjectSource;
import io.tidemark.sources.QuarantineRows;
import io.tidemark.sources.SourceBatch;
import io.tidemark.testing.MotoServer;
import io.tidemark.warehouse.StagedRows;
import io.tidemark.warehouse.redshift.RedshiftS3Staging;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The AWS path end to end against the AWS API emulator (moto, server mode): landing and lake on {@code s3a://}
 * buckets, catalog kind {@code glue} at the emulator's endpoint, a real Spark. The cwlogs job curates a
 * generated landing hour by hour (a redelivered object, late flows, truncated and garbage objects), reruns skip,
 * and every partition the Glue catalog returns is read back from its S3 location and compared with the
 * generator's ground truth. The moto twin of the Glue protocol-fake curate run; the tests run in order over one
 * lake, as successive scheduler runs would.
 *
 * <p>The Spark it runs on is the subclass's: {@link AwsPathOnStandaloneClusterEndToEndTest} runs it on a standalone
 * cluster with two executor JVMs, which covers everything a {@code local[2]} run would (a separate {@code local[2]}
 * run of the same scenario was dropped to keep the suite short).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AwsPathOnMotoScenario {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LANDING = "s3a://tm-landing";
    private static final String LAKE = "s3a://tm-lake/tidemark";
    private static final DatasetSchema FLOWS = DatasetSchemas.get("vpc_flow_logs");
    private static final DatasetSchema APPS = DatasetSchemas.get("app_logs");
    private static final TableRef FLOW_TABLE = new TableRef("curated", "vpc_flow_logs");
    private static final TableRef APP_TABLE = new TableRef("curated", "app_logs");

    private Path workdir;
    private MotoServer moto;
    private SparkSession spark;
    private RuntimeConfig config;
    private GeneratedLanding landing;
    private JobSpec spec;
    private GlueCatalog catalog;
    private FileSystem s3;
    private final List<RunResult> firstRuns = new ArrayList<>();

    /** Starts what the scenario's Spark runs on, if anything, and returns its master ({@code local[2]}, {@code spark://...}). */
    protected abstract String sparkMaster(Path workdir);

    /** Settings the Spark of {@link #sparkMaster} needs besides the emulator's. */
    protected Map<String, String> sparkSettings() {
        return Map.of();
    }

    /** Stops what {@link #sparkMaster} started, after the session. */
    protected void stopSparkMaster() {
    }

    protected final SparkSession spark() {
        return spark;
    }

    @BeforeAll
    void start(@TempDir Path classWorkdir) throws IOException {
        workdir = classWorkdir;
        moto = MotoServer.start();
        moto.createBucket("tm-landing");
        moto.createBucket("tm-lake");
        landing = GeneratedLanding.of(new CloudWatchLandingGenerator(CloudWatchLandingSettings.small()).generate(workdir.resolve("landing")));
        Map<String, String> sparkConf = new HashMap<>(moto.s3aSparkSettings());
        sparkConf.put("spark.sql.shuffle.partitions", "2");
        String master = sparkMaster(workdir);
        sparkConf.putAll(sparkSettings());
        config = new RuntimeConfig(LANDING, LAKE, new CatalogConfig(CatalogConfig.Kind.GLUE, null, null, null,
                MotoServer.REGION, moto.endpoint().toString(), null), null, new SparkConfig(master, sparkConf))
                .resolveAgainst(workdir);
        spark = SparkSessions.create(config, workdir);
        s3 = FileSystem.get(URI.create(LANDING + "/"), hadoopConf());
        s3.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(workdir.resolve("landing/cwlogs").toUri()),
                new org.apache.hadoop.fs.Path(LANDING + "/cwlogs"));
        catalog = GlueCatalog.connect(config.catalog(), StaticCredentialsProvider.create(
                AwsBasicCredentials.create(MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY)));
        spec = new JobSpecs().get("cwlogs");
    }

    @AfterAll
    void stop() {
        try {
            if (spark != null) {
                spark.stop();
            }
            if (catalog != null) {
                catalog.close();
            }
        } finally {
            stopSparkMaster();
            if (moto != null) {
                moto.stop();
            }
        }
    }

    @Test
    @Order(1)
    void curatesEveryHourOnS3AndRegistersThePartitionsInGlue() throws IOException {
        for (LandingWindow window : windows()) {
            CurateOutcome outcome = new CurateJob(spark, config, catalog).run(spec, window);
            outcome.commitLedger();
            firstRuns.add(outcome.result());
        }
        assertThat(firstRuns).allSatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED));
        assertThat(firstRuns.stream().mapToLong(RunResult::objects).sum()).isEqualTo(landing.objectsWritten());

        Map<PartitionKey, String> flowLocations = catalog.allLocations(FLOW_TABLE);
        assertThat(flowLocations.keySet().stream().map(PartitionKey::path).toList())
                .containsExactlyInAnyOrderElementsOf(landing.flowRowsByPartition().keySet());
        for (String location : allLocations()) {
            assertThat(location).startsWith(LAKE + "/");
            assertThat(parquetFilesUnder(location)).as("Parquet objects under " + location).isPositive();
        }
        assertThat(publishedRowsByPartition(FLOW_TABLE, FLOWS)).isEqualTo(landing.flowRowsByPartition());
        assertThat(publishedRowsByPartition(APP_TABLE, APPS)).isEqualTo(landing.appRowsByPartition());
        assertThat(firstRuns.stream().mapToLong(RunResult::rowsDuplicate).sum())
                .as("the redelivered object's events were found among the rows published through Glue")
                .isEqualTo(landing.redeliveredEvents());
        assertThat(firstRuns.stream().mapToLong(RunResult::rowsOut).sum()).isEqualTo(landing.flowEvents() + landing.appEvents());
        assertThat(firstRuns.stream().mapToLong(RunResult::rowsQuarantined).sum()).isEqualTo(landing.quarantined());

        List<JsonNode> ledger = ledgerEntries();
        assertThat(ledger).hasSize(landing.objectsWritten());
        assertThat(ledger).allSatisfy(e -> assertThat(e.path("version").asText()).as("the ledger keys objects by S3 ETag")
                .matches("etag:[0-9a-f]{32}(-[0-9]+)?"));
    }

    @Test
    @Order(2)
    void rerunsSkip() {
        for (LandingWindow window : windows()) {
            assertThat(new CurateJob(spark, config, catalog).run(spec, window).result().status()).isEqualTo(RunStatus.SKIPPED);
        }
    }

    @Test
    @Order(3)
    void anObjectRewrittenBetweenListingAndReadingIsLeftWholeForTheNextRun() throws IOException {
        LandingWindow window = windows().get(0);
        List<LandingObject> listed = new ObjectDiscovery(hadoopConf()).list(LANDING, spec, window);
        LandingObject rewritten = listed.get(0);
        try (OutputStream out = s3.create(new org.apache.hadoop.fs.Path(rewritten.uri()), true)) {
            out.write("not what was listed".getBytes(StandardCharsets.UTF_8));
        }

        SourceBatch batch = new ParsedObjectSource(ObjectParsers.forSource(spec.source()), new HadoopConf(hadoopConf()), LANDING,
                spec.lateArrivalHorizon(), spec.arrivalZone()).read(spark, listed, new RunContext(spec.job(), RunIds.next(Instant.now()), window, Instant.now()));
        try {
            assertThat(batch.changedObjects()).containsExactly(rewritten.uri());
            assertThat(batch.objects()).extracting(r -> r.uri()).hasSize(listed.size() - 1).doesNotContain(rewritten.uri());
            assertThat(batch.quarantine().filter(batch.quarantine().col("source_object").equalTo(rewritten.uri())).count()).isZero();
            assertThat(batch.datasets().values().stream().mapToLong(rows -> rows.filter(
                    rows.col("_source_object").equalTo(rewritten.uri())).count()).sum()).isZero();
        } finally {
            batch.release();
        }
        // the next run lists the new ETag: the object is new to the ledger and read (its bytes are garbage now)
        RunResult next = new CurateJob(spark, config, catalog).run(spec, window).result();
        assertThat(next.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(next.objects()).isEqualTo(1);
        assertThat(next.rowsQuarantined()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void redshiftStagingWritesParquetAndItsCopyManifestOnS3() throws IOException {
        String staging = "s3a://tm-lake/staging";
        Dataset<Row> rows = spark.range(0, 50).selectExpr("id", "cast(id * 2 as int) AS twice");
        FileSystem lake = lakeFs();
        try (StagedRows staged = new RedshiftS3Staging(staging, "arn:aws:iam::123456789012:role/tidemark-copy", hadoopConf(),
                System.err).prepare(rows, "load-1")) {
            JsonNode manifest;
            try (var in = lake.open(new org.apache.hadoop.fs.Path(staging + "/load-1/_manifest"))) {
                manifest = JSON.readTree(in);
            }
            Map<String, Long> listed = new TreeMap<>();
            for (FileStatus file : lake.listStatus(new org.apache.hadoop.fs.Path(staging + "/load-1"))) {
                if (file.getPath().getName().endsWith(".parquet")) {
                    listed.put(file.getPath().toString().replaceFirst("^s3a:", "s3:"), file.getLen());
                }
            }
            Map<String, Long> inManifest = new TreeMap<>();
            manifest.path("entries").forEach(e -> inManifest.put(e.path("url").asText(), e.path("meta").path("content_length").asLong()));
            assertThat(inManifest).isNotEmpty().isEqualTo(listed);
            assertThat(spark.read().parquet(staging + "/load-1").count()).isEqualTo(50);
        }
        // released by the load after its commit: no object of the load is left under the prefix
        assertThat(lake.exists(new org.apache.hadoop.fs.Path(staging + "/load-1"))).isFalse();
    }

    @Test
    @Order(5)
    void gcThroughGlueDeletesOnlyVersionsGlueNoLongerReferences() throws IOException {
        Map<String, Long> flowsBefore = publishedRowsByPartition(FLOW_TABLE, FLOWS);
        List<String> referenced = allLocations();
        List<VersionGc.Table> tables = List.of(new VersionGc.Table(FLOW_TABLE, LakeArea.CURATED, 2),
                new VersionGc.Table(APP_TABLE, LakeArea.CURATED, 2),
                new VersionGc.Table(new TableRef("quarantine", "cwlogs"), LakeArea.QUARANTINE,
                        DatasetSchemas.get(QuarantineRows.SCHEMA).partitioning().size()));
        VersionGc.Result result = new VersionGc(hadoopConf(), catalog, new LakeLayout(LAKE), Duration.ZERO,
                Clock.fixed(Instant.now(), ZoneOffset.UTC)).collect(tables);

        assertThat(result.deleted()).as("the late flows and the redelivery superseded versions of the first hour").isNotEmpty();
        assertThat(result.deleted()).allSatisfy(d -> assertThat(parquetFilesUnder(d)).isZero());
        assertThat(result.deleted()).allSatisfy(d -> assertThat(referenced).noneMatch(r -> r.startsWith(d) || d.startsWith(r + "/")));
        for (String location : referenced) {
            assertThat(parquetFilesUnder(location)).isPositive();
        }
        assertThat(publishedRowsByPartition(FLOW_TABLE, FLOWS)).isEqualTo(flowsBefore);
    }

    // ---- helpers

    private Configuration hadoopConf() {
        return spark.sparkContext().hadoopConfiguration();
    }

    private FileSystem lakeFs() throws IOException {
        return FileSystem.get(URI.create(LAKE + "/"), hadoopConf());
    }

    private List<LandingWindow> windows() {
        List<LandingWindow> windows = new ArrayList<>();
        for (int h = 0; h < landing.settings().hours(); h++) {
            ZonedDateTime hour = landing.settings().firstHour().atZone(ZoneOffset.UTC).plusHours(h);
            windows.add(LandingWindow.hour(hour.toLocalDate(), hour.getHour()));
        }
        return windows;
    }

    private List<String> allLocations() {
        List<String> locations = new ArrayList<>(catalog.allLocations(FLOW_TABLE).values());
        locations.addAll(catalog.allLocations(APP_TABLE).values());
        locations.addAll(catalog.allLocations(new TableRef("quarantine", "cwlogs")).values());
        return locations;
    }

    private Map<String, Long> publishedRowsByPartition(TableRef table, DatasetSchema schema) {
        Map<String, Long> counts = new TreeMap<>();
        List<PartitionKey> keys = List.copyOf(catalog.allLocations(table).keySet());
        Dataset<Row> rows = new PublishedPartitionReader(spark, catalog).read(table, schema, keys).orElseThrow();
        for (Row row : rows.groupBy("dt", "hr").count().collectAsList()) {
            counts.put("dt=" + row.getString(0) + "/hr=" + row.getString(1), row.getLong(2));
        }
        return counts;
    }

    private long parquetFilesUnder(String location) throws IOException {
        long count = 0;
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
        FileSystem fs = path.getFileSystem(hadoopConf());
        if (!fs.exists(path)) {
            return 0;
        }
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(path, true);
        while (files.hasNext()) {
            LocatedFileStatus file = files.next();
            if (file.getPath().getName().endsWith(".parquet") && file.getLen() > 0) {
                count++;
            }
        }
        return count;
    }

    private List<JsonNode> ledgerEntries() throws IOException {
        List<JsonNode> entries = new ArrayList<>();
        FileSystem lake = lakeFs();
        RemoteIterator<LocatedFileStatus> files = lake.listFiles(new org.apache.hadoop.fs.Path(LAKE + "/_tidemark/ledger/cwlogs"), true);
        while (files.hasNext()) {
            LocatedFileStatus file = files.next();
            if (file.getPath().getName().endsWith(".jsonl")) {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(lake.open(file.getPath()), StandardCharsets.UTF_8))) {
                    reader.lines().filter(l -> !l.isBlank()).forEach(l -> {
                        try {
                            entries.add(JSON.readTree(l));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                }
            }
        }
        return entries;
    }
}
