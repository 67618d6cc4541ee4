package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.catalog.PublishedPartitionReader;
import io.tidemark.catalog.TableRef;
import io.tidemark.config.PartitionKey;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.config.JobSpec;
import io.tidemark.config.JobSpecs;
import io.tidemark.demo.CloudWatchLandingGenerator;
import io.tidemark.demo.CloudWatchLandingSettings;
import io.tidemark.demo.GeneratedLanding;
import io.tidemark.jobs.FaultPoint;
import io.tidemark.jobs.JobRunner;
import io.tidemark.jobs.TidemarkRuntime;
import io.tidemark.landing.LandingWindow;
import io.tidemark.RunStatus;
import io.tidemark.testing.CuttableTcpProxy;
import io.tidemark.testing.MotoServer;
import io.tidemark.warehouse.EmbeddedWarehouse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The AWS path under failure and with real secrets in play, against the AWS API emulator (moto) behind a cuttable
 * proxy (an outage that keeps the emulator's state): S3 and Glue unreachable before and in the middle of a run fail
 * it cleanly, naming the endpoint, and the rerun after the outage converges; and three known dummy secrets (the
 * warehouse password in Secrets Manager, one in an environment variable, the S3 secret key) appear nowhere: not
 * on stdout or stderr, in result lines, run records, the report page or exception messages.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AwsOutageAndSecretsTest {
    /** The warehouse password kept in Secrets Manager. */
    private static final String SECRETS_MANAGER_CANARY = "sm-canary-5b8e1f0c";
    /** Set for the test JVM by surefire (pom.xml), read through warehouse.passwordEnv. */
    private static final String ENV_VARIABLE = "TIDEMARK_TEST_CANARY_PASSWORD";
    private static final String ENV_CANARY = "env-canary-9d27c4aa";
    /** The S3 secret key (fs.s3a.secret.key, and the AWS SDK's aws.secretAccessKey for Glue and Secrets Manager). */
    private static final String S3_CANARY = "s3-canary-e41f7703";
    private static final List<String> CANARIES = List.of(SECRETS_MANAGER_CANARY, ENV_CANARY, S3_CANARY);
    private static final String LANDING = "s3a://tm-outage-landing";
    private static final String LAKE = "s3a://tm-outage-lake/tidemark";
    /**
     * The run cut off in the middle cannot release its table leases (S3 is unreachable), so the rerun waits until
     * they lapse: a shorter expiry than the default 120 s keeps that wait short, while a healthy run's renewal (every
     * third of it) still has 20 s to get through on a loaded machine.
     */
    private static final int LEASE_EXPIRY_SECONDS = 30;

    @TempDir
    static Path workdir;

    private static MotoServer moto;
    private static CuttableTcpProxy proxy;
    private static EmbeddedWarehouse warehouse;
    private static GeneratedLanding landing;
    private static Path secretConfig;
    private static Path envConfig;
    private static final ByteArrayOutputStream OUT = new ByteArrayOutputStream();
    private static final ByteArrayOutputStream ERR = new ByteArrayOutputStream();
    private static final List<String> MESSAGES = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        assertThat(System.getenv(ENV_VARIABLE)).as("surefire sets " + ENV_VARIABLE).isEqualTo(ENV_CANARY);
        moto = MotoServer.start();
        proxy = CuttableTcpProxy.to(moto.endpoint());
        moto.createBucket("tm-outage-landing");
        moto.createBucket("tm-outage-lake");
        warehouse = EmbeddedWarehouse.start(EmbeddedWarehouse.dataDirectoryIn(workdir.resolve("pg")));
        System.setProperty("aws.accessKeyId", MotoServer.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3_CANARY);
        try (SecretsManagerClient client = SecretsManagerClient.builder().region(Region.of(MotoServer.REGION))
                .endpointOverride(moto.endpoint()).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(MotoServer.ACCESS_KEY, S3_CANARY))).build()) {
            client.createSecret(r -> r.name("tidemark/warehouse").secretString("""
                    {"username": "postgres", "password": "%s", "engine": "postgres", "host": "127.0.0.1", "port": %d,
                     "dbname": "postgres"}""".formatted(SECRETS_MANAGER_CANARY, warehouse.port())));
        }
        landing = GeneratedLanding.of(new CloudWatchLandingGenerator(CloudWatchLandingSettings.small()).generate(workdir.resolve("landing")));
        Configuration conf = s3aConf();
        FileSystem.get(URI.create(LANDING + "/"), conf).copyFromLocalFile(false, true,
                new org.apache.hadoop.fs.Path(workdir.resolve("landing/cwlogs").toUri()), new org.apache.hadoop.fs.Path(LANDING + "/cwlogs"));
        secretConfig = writeConfig("secret.json", """
                {"secretId": "tidemark/warehouse", "secretRegion": "%s", "secretEndpoint": "%s"}"""
                .formatted(MotoServer.REGION, proxy.endpoint()));
        envConfig = writeConfig("env.json", """
                {"url": "%s", "user": "postgres", "passwordEnv": "%s"}""".formatted(warehouse.jdbcUrl(), ENV_VARIABLE));
    }

    @AfterAll
    static void stop() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (proxy != null) {
            proxy.close();
        }
        if (warehouse != null) {
            warehouse.close();
        }
        if (moto != null) {
            moto.stop();
        }
    }

    @Test
    @Order(1)
    void aRunWithS3UnreachableFailsNamingTheEndpoint() throws IOException {
        proxy.cut();
        try {
            CapturedCli failed = cli("run", "cwlogs", "--date", day(0), "--hour", hour(0), "--config", secretConfig.toString());
            JsonNode result = failed.resultLine();
            MESSAGES.add(result.toString());
            assertThat(failed.exitCode()).isIn(1, 4);
            assertThat(result.path("status").asText()).isEqualTo("FAILED");
            assertThat(result.path("error").path("message").asText()).contains(proxy.endpoint().getAuthority());
        } finally {
            proxy.restore();
        }
    }

    @Test
    @Order(2)
    void glueUnreachableInTheMiddleOfARunFailsItAndTheRerunAfterTheOutageConverges() throws IOException {
        JobSpec spec = new JobSpecs().get("cwlogs");
        LandingWindow first = window(0);
        try (TidemarkRuntime runtime = new TidemarkRuntime(workdir, new io.tidemark.config.JsonConfigReader().read(secretConfig, io.tidemark.config.RuntimeConfig.class))) {
            JobRunner cutAfterWrite = new JobRunner(runtime, new PrintStream(ERR, true, StandardCharsets.UTF_8), (point, job, window) -> {
                if (point == FaultPoint.AFTER_WRITE) {
                    proxy.cut();
                }
            });
            assertThatThrownBy(() -> captured(() -> cutAfterWrite.run(spec, first, true)))
                    .satisfies(e -> MESSAGES.add(String.valueOf(e.getMessage())))
                    .hasMessageContaining(proxy.endpoint().getAuthority());
        } finally {
            proxy.restore();
        }
        // after the outage: a new process reruns the window (load included, password from Secrets Manager), then the next
        CapturedCli rerun = cli("run", "cwlogs", "--date", day(0), "--hour", hour(0), "--config", secretConfig.toString());
        assertThat(rerun.exitCode()).as(rerun.stdout()).isZero();
        assertThat(rerun.resultLine().path("status").asText()).isEqualTo("SUCCEEDED");
        CapturedCli next = cli("run", "cwlogs", "--date", day(1), "--hour", hour(1), "--config", envConfig.toString());
        assertThat(next.exitCode()).as(next.stdout()).isZero();
        CapturedCli again = cli("run", "cwlogs", "--date", day(0), "--hour", hour(0), "--config", envConfig.toString());
        assertThat(again.resultLine().path("status").asText()).isEqualTo("SKIPPED");

        try (TidemarkRuntime runtime = new TidemarkRuntime(workdir, new io.tidemark.config.JsonConfigReader().read(secretConfig, io.tidemark.config.RuntimeConfig.class))) {
            TableRef flows = new TableRef("curated", "vpc_flow_logs");
            List<PartitionKey> keys = List.copyOf(runtime.catalog().allLocations(flows).keySet());
            Map<String, Long> published = new TreeMap<>();
            for (Row row : new PublishedPartitionReader(runtime.spark(), runtime.catalog())
                    .read(flows, DatasetSchemas.get("vpc_flow_logs"), keys).orElseThrow()
                    .groupBy("dt", "hr").count().collectAsList()) {
                published.put("dt=" + row.getString(0) + "/hr=" + row.getString(1), row.getLong(2));
            }
            assertThat(published).as("nothing lost or doubled by the outage").isEqualTo(landing.flowRowsByPartition());
        }
    }

    @Test
    @Order(3)
    void noSecretAppearsInAnyOutputRecordOrMessage() throws IOException {
        Path page = workdir.resolve("report.html");
        CapturedCli report = cli("report", "--out", page.toString(), "--config", secretConfig.toString());
        assertThat(report.exitCode()).as(report.stdout()).isZero();
        assertThat(page).exists();

        Map<String, String> searched = new LinkedHashMap<>();
        searched.put("stdout", OUT.toString(StandardCharsets.UTF_8));
        searched.put("stderr", ERR.toString(StandardCharsets.UTF_8));
        searched.put("report page", Files.readString(page));
        searched.put("exception messages and result lines", String.join("\n", MESSAGES));
        searched.put("run records", runRecords());
        assertThat(searched.get("run records")).as("run records were written to the lake on S3").contains("cwlogs");
        assertThat(searched.get("stdout")).contains("\"status\":\"SUCCEEDED\"");
        for (Map.Entry<String, String> text : searched.entrySet()) {
            for (String canary : CANARIES) {
                assertThat(text.getValue()).as(text.getKey() + " must not contain a secret").doesNotContain(canary);
            }
        }
    }

    // ---- helpers

    private static CapturedCli cli(String... args) {
        String[] withWorkdir = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--workdir", workdir.toString())).toArray(String[]::new);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit = captured(() -> TidemarkCli.execute(withWorkdir), captured);
        String stdout = captured.toString(StandardCharsets.UTF_8);
        OUT.writeBytes(captured.toByteArray());
        CapturedCli result = new CapturedCli(exit, stdout);
        MESSAGES.add(stdout);
        return result;
    }

    /** Runs {@code call} with stdout and stderr captured (stderr into ERR), restoring both after: surefire talks on them. */
    private static <T> T captured(java.util.function.Supplier<T> call, ByteArrayOutputStream out) {
        PrintStream beforeOut = System.out;
        PrintStream beforeErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(ERR, true, StandardCharsets.UTF_8));
        try {
            return call.get();
        } finally {
            System.setOut(beforeOut);
            System.setErr(beforeErr);
        }
    }

    private static <T> T captured(java.util.function.Supplier<T> call) {
        return captured(call, OUT);
    }

    private static String runRecords() throws IOException {
        StringBuilder all = new StringBuilder();
        FileSystem fs = FileSystem.get(URI.create(LAKE + "/"), s3aConf());
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(new org.apache.hadoop.fs.Path(LAKE + "/_tidemark"), true);
        while (files.hasNext()) {
            try (InputStream in = fs.open(files.next().getPath())) {
                all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return all.toString();
    }

    private static Configuration s3aConf() {
        Configuration conf = new Configuration();
        s3aSettings().forEach(conf::set);
        return conf;
    }

    /** The emulator's S3A settings through the proxy, with the canary as the S3 secret key. */
    private static Map<String, String> s3aSettings() {
        Map<String, String> settings = new LinkedHashMap<>(moto.s3aSettings());
        settings.put("fs.s3a.endpoint", proxy.endpoint().toString());
        settings.put("fs.s3a.secret.key", S3_CANARY);
        return settings;
    }

    private static Path writeConfig(String name, String warehouseJson) throws IOException {
        String sparkConf = s3aSettings().entrySet().stream()
                .map(e -> "\"spark.hadoop." + e.getKey() + "\": \"" + e.getValue() + "\"")
                .collect(Collectors.joining(", "));
        Path file = workdir.resolve(name);
        Files.writeString(file, """
                {"landingRoot": "%s", "lakeRoot": "%s",
                 "catalog": {"kind": "glue", "region": "%s", "endpoint": "%s"},
                 "warehouse": %s,
                 "leases": {"expirySeconds": %d},
                 "spark": {"master": "local[2]", "conf": {"spark.sql.shuffle.partitions": "2", %s}}}"""
                .formatted(LANDING, LAKE, MotoServer.REGION, proxy.endpoint(), warehouseJson, LEASE_EXPIRY_SECONDS, sparkConf));
        return file;
    }

    private static LandingWindow window(int hourIndex) {
        ZonedDateTime hour = landing.settings().firstHour().atZone(ZoneOffset.UTC).plusHours(hourIndex);
        return LandingWindow.hour(hour.toLocalDate(), hour.getHour());
    }

    private static String day(int hourIndex) {
        return window(hourIndex).date().toString();
    }

    private static String hour(int hourIndex) {
        return String.format("%02d", landing.settings().firstHour().atZone(ZoneOffset.UTC).plusHours(hourIndex).getHour());
    }
}
