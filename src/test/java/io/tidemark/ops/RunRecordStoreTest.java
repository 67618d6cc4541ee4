package io.tidemark.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run records in the lake's {@code _tidemark/runs/}: written one file per run, read back newest last. */
class RunRecordStoreTest {
    @Test
    void recordsAreWrittenOnePerRunAndReadBackInOrder(@TempDir Path tmp) throws Exception {
        RunRecordStore store = new RunRecordStore(tmp.toUri().toString(), new Configuration());
        RunResult first = SampleRunResults.window("cwlogs", "2026-11-24T10", 100, Map.of("MALFORMED_JSON", 2L), List.of());
        RunResult second = SampleRunResults.window("ses", "2026-11-24", 40, Map.of(), List.of());
        store.write("run", first, List.of(), Instant.parse("2026-11-26T10:00:00Z"));
        store.write("demo", RunResult.combine("demo", "d1", null, List.of(first, second), 9000), List.of(first, second),
                Instant.parse("2026-11-26T10:05:00Z"));
        store.write("run", second, List.of(), Instant.parse("2026-11-26T10:10:00Z"));

        try (var files = Files.list(tmp.resolve("_tidemark/runs"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList())
                    .hasSize(3).allMatch(n -> n.matches("20261126T10\\d{4}\\.000Z-(run|demo)-[0-9a-f]{8}\\.json"));
        }
        List<RunRecord> lastTwo = store.last(2, System.err);
        assertThat(lastTwo).extracting(RunRecord::command).containsExactly("demo", "run");
        assertThat(lastTwo.get(0).windowResults()).containsExactly(first, second);
        assertThat(lastTwo.get(1).windowResults()).containsExactly(second);
        assertThat(lastTwo.get(0).recordedAt()).isEqualTo("2026-11-26T10:05:00Z");
        assertThat(store.last(10, System.err)).hasSize(3);
    }

    @Test
    void anUnreadableRecordIsReportedAndLeftOut(@TempDir Path tmp) throws Exception {
        RunRecordStore store = new RunRecordStore(tmp.toUri().toString(), new Configuration());
        store.write("run", SampleRunResults.window("cwlogs", "2026-11-24T10", 1, Map.of(), List.of()), List.of(), Instant.parse("2026-11-26T10:00:00Z"));
        Files.writeString(tmp.resolve("_tidemark/runs/20261126T110000.000Z-run-broken.json"), "{not json");
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();

        List<RunRecord> records = store.last(5, new PrintStream(warnings, true, StandardCharsets.UTF_8));

        assertThat(records).hasSize(1);
        assertThat(warnings.toString(StandardCharsets.UTF_8)).contains("cannot read run record", "run-broken.json");
    }

    @Test
    void aLakeWithoutRecordsHasNone(@TempDir Path tmp) throws Exception {
        assertThat(new RunRecordStore(tmp.toUri().toString(), new Configuration()).last(5, System.err)).isEmpty();
    }
}
