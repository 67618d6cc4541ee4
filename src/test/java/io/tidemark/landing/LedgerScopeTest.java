package io.tidemark.landing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.config.LandingLayout;
import io.tidemark.config.PartitionKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger is read per arrival date: a run of a window reads what runs of the same date recorded (and files
 * from before the grouping), not the job's whole history; a flat layout still reads everything.
 */
class LedgerScopeTest {
    private static final LocalDate DAY_1 = LocalDate.parse("2026-11-24");
    private static final LocalDate DAY_2 = LocalDate.parse("2026-11-25");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path lake;

    private Ledger ledger() {
        return new Ledger(new Configuration(), lake.toUri().toString(), "cwlogs");
    }

    private static LedgerEntry entry(String key, LandingWindow window) {
        return new LedgerEntry("file:/landing/cwlogs/" + key, 10, "mtime:1", null, "run-" + key, window.label(), List.of(), null);
    }

    private static String identity(String key) {
        return new LandingObject("file:/landing/cwlogs/" + key, 10, "mtime:1").identity();
    }

    @Test
    void aRunReadsTheLedgerOfItsOwnArrivalDateOnly() {
        ledger().commit(LandingWindow.hour(DAY_1, 10), "r1", List.of(entry("a", LandingWindow.hour(DAY_1, 10))));
        ledger().commit(LandingWindow.day(DAY_1), "r2", List.of(entry("b", LandingWindow.day(DAY_1))));
        ledger().commit(LandingWindow.hour(DAY_2, 0), "r3", List.of(entry("c", LandingWindow.hour(DAY_2, 0))));

        assertThat(ledger().processedIdentities(LandingWindow.hour(DAY_1, 11), LandingLayout.FIREHOSE))
                .containsExactlyInAnyOrder(identity("a"), identity("b"));
        assertThat(ledger().processedIdentities(LandingWindow.day(DAY_2), LandingLayout.DATED)).containsExactly(identity("c"));
        assertThat(ledger().processedIdentities(LandingWindow.day(DAY_2), LandingLayout.FLAT))
                .containsExactlyInAnyOrder(identity("a"), identity("b"), identity("c"));
        assertThat(lake.resolve("_tidemark/ledger/cwlogs/date=2026-11-24")).isDirectory();
    }

    @Test
    void filesWrittenBeforeTheGroupingAreStillRead() throws IOException {
        Path job = Files.createDirectories(lake.resolve("_tidemark/ledger/cwlogs"));
        Files.writeString(job.resolve("old-run.jsonl"), "{\"uri\":\"file:/landing/cwlogs/old\",\"size\":10,\"version\":\"mtime:1\","
                + "\"md5\":null,\"run_id\":\"old-run\",\"window\":\"2026-11-20T10\",\"partitions\":[]}\n", StandardCharsets.UTF_8);

        assertThat(ledger().processedIdentities(LandingWindow.hour(DAY_1, 10), LandingLayout.FIREHOSE)).containsExactly(identity("old"));
    }

    @Test
    void partitionsAreWrittenAsTheirLabelsAndOldFilesReadAsPartitionKeys() throws IOException {
        PartitionKey hour = PartitionKey.of("click_events", List.of("dt", "hr"), List.of("2026-11-24", "10"));
        ledger().commit(LandingWindow.hour(DAY_1, 10), "r1", List.of(new LedgerEntry("file:/landing/cwlogs/a", 10, "mtime:1",
                null, "r1", "2026-11-24T10", List.of(hour), null)));

        String line = Files.readString(lake.resolve("_tidemark/ledger/cwlogs/date=2026-11-24/r1.jsonl"));
        assertThat(line).contains("\"partitions\":[\"click_events/dt=2026-11-24/hr=10\"]");
        // a line as the previous release wrote it
        LedgerEntry old = JSON.readValue("{\"uri\":\"file:/landing/cwlogs/old\",\"size\":10,\"version\":\"mtime:1\",\"md5\":null,"
                + "\"run_id\":\"old-run\",\"window\":\"2026-11-24T10\",\"partitions\":[\"click_events/dt=2026-11-24/hr=10\","
                + "\"users_ref/dt=2026-11-24\"]}", LedgerEntry.class);
        assertThat(old.partitions()).containsExactly(hour, new PartitionKey("users_ref", Map.of("dt", "2026-11-24")));
        assertThat(JSON.readValue(line, LedgerEntry.class)).isEqualTo(new LedgerEntry("file:/landing/cwlogs/a", 10, "mtime:1",
                null, "r1", "2026-11-24T10", List.of(hour), null));
    }
}
