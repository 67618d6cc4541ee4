package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.testing.Compress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 item 3: {@code tidemark demo --landing DIR} over a landing holding one family that feeds no warehouse model
 * (application logs only: no flow logs, sales, clicks...) succeeds, through the CLI's own code path, and says which
 * reports have nothing to show.
 */
class DemoSingleFamilyTest {
    @TempDir
    static Path tmp;

    @Test
    void aLandingOfApplicationLogsOnlySucceeds() throws Exception {
        Path landing = tmp.resolve("landing");
        Instant first = Instant.parse("2026-11-24T10:04:00Z");
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            events.append(i == 0 ? "" : ",").append("{\"id\":\"3720000000000000000000000000000000000000000000000000000")
                    .append(i).append("\",\"timestamp\":").append(first.plusSeconds(i).toEpochMilli())
                    .append(",\"message\":\"GET /health 200 ").append(i).append("\"}");
        }
        String envelope = "{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"123456789012\",\"logGroup\":\"/app/api\","
                + "\"logStream\":\"i-0abc\",\"subscriptionFilters\":[\"all\"],\"logEvents\":[" + events + "]}";
        Path object = landing.resolve("cwlogs/2026/11/24/10/cwlogs-1-2026-11-24-10-05-00-0f8fad5b-d9cb-469f-a165-70867728950e");
        Files.createDirectories(object.getParent());
        Files.write(object, Compress.gzip(envelope));

        CapturedCli demo = CapturedCli.run("demo", "--landing", landing.toString(), "--workdir", tmp.resolve("work").toString());

        JsonNode result = demo.resultLine();
        assertThat(result.get("status").asText()).as(demo.stdout()).isEqualTo("SUCCEEDED");
        assertThat(demo.exitCode()).isZero();
        assertThat(result.get("rows_out").asLong()).isEqualTo(3);
        assertThat(demo.stdout()).contains("curated.app_logs", "Total sales by season")
                .contains("(no rows: no job of this landing fed v_sales_by_season)")
                .contains("(skipped: the lake has no table vpc_flow_logs)");
    }
}
