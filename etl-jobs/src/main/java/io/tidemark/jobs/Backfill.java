package io.tidemark.jobs;

import static java.util.Objects.requireNonNull;

import io.tidemark.config.JobSpec;
import io.tidemark.landing.LandingWindow;
import io.tidemark.landing.RunOrigin;
import io.tidemark.ops.RunResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one job over every window of a range, {@code parallel} windows at a time in the runtime's one SparkSession,
 * with progress on stderr after each window (windows done / total, rows so far, elapsed, ETA). Each finished
 * window is recorded in the {@link BackfillProgress}; a rerun of the same range skips those windows, so a killed
 * backfill resumes where it stopped. The first failing window stops the backfill: windows already running
 * finish, no new one starts. Runs are marked as backfill runs in the ledger and move nothing else.
 */
public final class Backfill {
    private final TidemarkRuntime runtime;
    private final JobRunner runner;
    private final PrintStream progress;

    public Backfill(TidemarkRuntime runtime, JobRunner runner, PrintStream progress) {
        this.runtime = requireNonNull(runtime, "runtime is null");
        this.runner = requireNonNull(runner, "runner is null");
        this.progress = requireNonNull(progress, "progress is null");
    }

    /**
     * @param restart forget the progress of earlier attempts and run every window again
     */
    public BackfillOutcome run(JobSpec spec, BackfillRange range, int parallel, boolean load, boolean restart) {
        if (parallel < 1) {
            throw new IllegalArgumentException("Cannot run " + parallel + " windows at a time: expected at least 1");
        }
        long started = System.nanoTime();
        BackfillProgress record = new BackfillProgress(runtime.spark().sparkContext().hadoopConfiguration(),
                runtime.config().lakeRoot(), spec.job(), range);
        if (restart) {
            record.clear();
        }
        Map<String, RunResult> finished = new TreeMap<>(record.finished());
        List<LandingWindow> windows = range.windows();
        List<LandingWindow> todo = windows.stream().filter(w -> !finished.containsKey(w.label())).toList();
        progress.printf("tidemark: backfill %s %s: %d windows, %d finished by an earlier attempt%s, %d to run, %d at a time%n",
                spec.job(), range.label(), windows.size(), finished.size(),
                finished.isEmpty() ? "" : " (skipped; progress in " + record.location() + ")", todo.size(), parallel);

        Tally tally = new Tally(windows.size(), finished.size(), todo.size(), started);
        AtomicReference<Exception> failure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(parallel, task -> {
            Thread thread = new Thread(task, "tidemark-backfill-" + spec.job());
            thread.setDaemon(true);
            return thread;
        });
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (LandingWindow window : todo) {
                futures.add(pool.submit(() -> {
                    if (failure.get() != null) {
                        return;
                    }
                    try {
                        RunResult result = runner.run(spec, window, load, RunOrigin.backfill(range.label()));
                        record.record(window, result);
                        synchronized (finished) {
                            finished.put(window.label(), result);
                        }
                        progress.println(tally.done(spec.job(), window, result));
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                        progress.printf("tidemark: backfill %s: window %s failed: %s; no new window starts%n",
                                spec.job(), window, e.getMessage());
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, e);
        } catch (ExecutionException e) {
            failure.compareAndSet(null, e.getCause() instanceof Exception cause ? cause : e);
        } finally {
            pool.shutdownNow();
        }
        BackfillOutcome outcome = new BackfillOutcome(List.copyOf(finished.values()), windows.size(),
                windows.size() - todo.size(), failure.get());
        progress.println(tally.summary(spec.job(), range, outcome));
        return outcome;
    }

    /** Counts for the progress lines; updated by the window threads. */
    private static final class Tally {
        private final int total;
        private final int resumed;
        private final int toRun;
        private final long startedNanos;
        private final AtomicInteger ran = new AtomicInteger();
        private long rowsIn;
        private long rowsOut;

        Tally(int total, int resumed, int toRun, long startedNanos) {
            this.total = total;
            this.resumed = resumed;
            this.toRun = toRun;
            this.startedNanos = startedNanos;
        }

        synchronized String done(String job, LandingWindow window, RunResult result) {
            int n = ran.incrementAndGet();
            rowsIn += result.rowsIn();
            rowsOut += result.rowsOut();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
            Duration eta = elapsed.multipliedBy(toRun - n).dividedBy(n);
            return String.format("tidemark: backfill %s: %d/%d windows done (%s %s), rows in %d, out %d, elapsed %s, ETA %s",
                    job, resumed + n, total, window, result.status(), rowsIn, rowsOut, clock(elapsed), clock(eta));
        }

        String summary(String job, BackfillRange range, BackfillOutcome outcome) {
            long in = outcome.results().stream().mapToLong(RunResult::rowsIn).sum();
            long out = outcome.results().stream().mapToLong(RunResult::rowsOut).sum();
            return String.format("tidemark: backfill %s %s %s: %d/%d windows done (%d by an earlier attempt), rows in %d, out %d, "
                            + "elapsed %s%s",
                    job, range.label(), outcome.failure() == null ? "finished" : "stopped", outcome.results().size(), total,
                    resumed, in, out, clock(Duration.ofNanos(System.nanoTime() - startedNanos)),
                    outcome.failure() == null ? "" : "; rerun the same command to resume");
        }

        private static String clock(Duration d) {
            return String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
        }
    }
}
