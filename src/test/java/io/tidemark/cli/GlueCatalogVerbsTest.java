package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.testing.Compress;
import io.tidemark.testing.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 item 4: with {@code catalog.kind = glue} every verb goes through the runtime's catalog. A run publishes
 * flow-log partitions to the Glue Data Catalog (moto); then {@code load} finds and loads them, and
 * {@code spectrum-ddl --partitions} lists them, although Spark's own metastore never heard of the tables.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GlueCatalogVerbsTest {
    private static final String DAY = "2026-11-24";

    @TempDir
    static Path tmp;

    private static MotoServer moto;
    private static String[] common;
    private static List<String> published = List.of();

    @BeforeAll
    static void publishFlowLogsToGlue() throws Exception {
        moto = MotoServer.start();
        // the Glue client takes credentials from the default chain only (never from the config)
        System.setProperty("aws.accessKeyId", MotoServer.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", MotoServer.SECRET_KEY);
        Path landing = tmp.resolve("landing");
        writeFlowLogObject(landing);
        Path config = tmp.resolve("runtime.json");
        Files.writeString(config, "{\"landingRoot\": \"" + landing.toUri() + "\", \"catalog\": {\"kind\": \"glue\","
                + " \"region\": \"" + MotoServer.REGION + "\", \"endpoint\": \"" + moto.endpoint() + "\"},"
                + " \"spark\": {\"master\": \"local[2]\", \"conf\": {\"spark.sql.shuffle.partitions\": \"2\","
                + " \"spark.ui.enabled\": \"false\"}}}");
        common = new String[] {"--config", config.toString(), "--workdir", tmp.resolve("work").toString()};

        CapturedCli run = CapturedCli.run(with("run", "cwlogs", "--date", DAY, "--hour", "10", "--skip-load"));
        assertThat(run.exitCode()).as(run.stdout()).isZero();
        List<String> partitions = new ArrayList<>();
        run.resultLine().get("partitions").forEach(p -> partitions.add(p.asText()));
        published = partitions.stream().filter(p -> p.startsWith("vpc_flow_logs/")).toList();
        assertThat(published).isNotEmpty();
    }

    @AfterAll
    static void stop() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (moto != null) {
            moto.stop();
        }
    }

    @Test
    @Order(1)
    void loadListsThePartitionsFromGlueAndLoadsThem() throws Exception {
        CapturedCli load = CapturedCli.run(with("load", "flow_hourly", "--date", DAY));

        JsonNode result = load.resultLine();
        assertThat(result.get("status").asText()).as(load.stdout()).isEqualTo("SUCCEEDED");
        List<String> partitions = new ArrayList<>();
        result.get("partitions").forEach(p -> partitions.add(p.asText()));
        assertThat(partitions).containsExactlyInAnyOrderElementsOf(published);
        assertThat(result.get("rows_out").asLong()).isPositive();
    }

    @Test
    @Order(2)
    void spectrumDdlListsThePartitionsGlueHolds() {
        CapturedCli ddl = CapturedCli.run(with("spectrum-ddl", "--iam-role", "arn:aws:iam::123456789012:role/spectrum",
                "--job", "cwlogs", "--partitions"));

        assertThat(ddl.exitCode()).as(ddl.stdout()).isZero();
        for (String partition : published) {
            String[] parts = partition.split("/");
            assertThat(ddl.stdout()).contains("PARTITION (" + parts[1].replace("dt=", "dt='") + "', "
                    + parts[2].replace("hr=", "hr='") + "')");
        }
    }

    /** One Firehose object of CloudWatch Logs flow-log events in the 10:00 hour. */
    private static void writeFlowLogObject(Path landing) throws Exception {
        long start = Instant.parse(DAY + "T10:01:00Z").getEpochSecond();
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            String line = "2 111122223333 eni-0a1b2c3d 10.0.0." + i + " 10.0.1.9 4431" + i + " 22 6 10 840 " + (start + i)
                    + " " + (start + i + 60) + " " + (i % 2 == 0 ? "REJECT" : "ACCEPT") + " OK";
            events.append(i == 0 ? "" : ",").append("{\"id\":\"3720000000000000000000000000000000000000000000000000000")
                    .append(i).append("\",\"timestamp\":").append((start + i + 60) * 1000).append(",\"message\":\"")
                    .append(line).append("\"}");
        }
        String envelope = "{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"111122223333\",\"logGroup\":\"/vpc/prod-flow-logs\","
                + "\"logStream\":\"eni-0a1b2c3d-all\",\"subscriptionFilters\":[\"all\"],\"logEvents\":[" + events + "]}";
        Path object = landing.resolve("cwlogs/2026/11/24/10/cwlogs-1-2026-11-24-10-05-00-7c9e6679-7425-40de-944b-e07fc1f90ae7");
        Files.createDirectories(object.getParent());
        Files.write(object, Compress.gzip(envelope));
    }

    private static String[] with(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + common.length);
        System.arraycopy(common, 0, all, args.length, common.length);
        return all;
    }
}
