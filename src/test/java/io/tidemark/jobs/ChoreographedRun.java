package io.tidemark.jobs;

import io.tidemark.config.JsonConfigReader;
import io.tidemark.config.JobSpecs;
import io.tidemark.config.RuntimeConfig;
import io.tidemark.landing.LandingWindow;
import io.tidemark.ops.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Test-only main of a child process: {@code tidemark run JOB --skip-load} with an {@link OverlapSafety} chosen by
 * the test and a choreography of marker files, so that two processes interleave the same way on every machine.
 * At {@link FaultPoint#AFTER_WRITE} the run writes {@code written-<self>} and waits for the markers it was told
 * to await; once published ({@link FaultPoint#AFTER_PUBLISH_BEFORE_LOAD}) it writes {@code published-<self>}.
 *
 * <p>Arguments: {@code SAFETY MARKER_DIR SELF AWAIT(comma-separated, or -) WORKDIR CONFIG JOB DATE [HOUR]}.
 * Prints {@code status=<status> rows_out=<n>} last; exits 0 unless the run failed.
 */
public final class ChoreographedRun {
    private static final Duration MAX_WAIT = Duration.ofSeconds(120);

    private ChoreographedRun() {
    }

    public static void main(String[] args) throws Exception {
        OverlapSafety safety = OverlapSafety.valueOf(args[0]);
        Path markers = Path.of(args[1]);
        String self = args[2];
        List<String> await = args[3].equals("-") ? List.of() : Arrays.asList(args[3].split(","));
        Path workdir = Path.of(args[4]);
        RuntimeConfig config = new JsonConfigReader().read(Path.of(args[5]), RuntimeConfig.class);
        LocalDate date = LocalDate.parse(args[7]);
        LandingWindow window = args.length > 8 ? LandingWindow.hour(date, Integer.parseInt(args[8])) : LandingWindow.day(date);

        RunHooks hooks = (point, job, w) -> {
            if (point == FaultPoint.AFTER_WRITE) {
                touch(markers.resolve("written-" + self));
                await.forEach(name -> awaitMarker(markers.resolve(name)));
            } else if (point == FaultPoint.AFTER_PUBLISH_BEFORE_LOAD) {
                touch(markers.resolve("published-" + self));
            }
        };
        int exit;
        try (TidemarkRuntime runtime = new TidemarkRuntime(workdir, config)) {
            RunResult result = new JobRunner(runtime, System.err, hooks, safety).run(new JobSpecs().get(args[6]), window, false);
            System.out.println("status=" + result.status() + " rows_out=" + result.rowsOut());
            exit = 0;
        } catch (RuntimeException e) {
            e.printStackTrace(System.err);
            System.out.println("status=FAILED error=" + e.getClass().getSimpleName() + ": " + e.getMessage());
            exit = 1;
        }
        System.exit(exit);
    }

    private static void touch(Path marker) {
        try {
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for another process's marker; a process that never comes fails this one instead of hanging it. */
    private static void awaitMarker(Path marker) {
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        while (!Files.exists(marker)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Gave up waiting for " + marker + " after " + MAX_WAIT);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + marker, e);
            }
        }
    }
}
