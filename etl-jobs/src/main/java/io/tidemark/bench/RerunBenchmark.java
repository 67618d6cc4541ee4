package io.tidemark.bench;

import io.tidemark.catalog.Catalog;
import io.tidemark.catalog.TableRef;
import io.tidemark.config.JobSpec;
import io.tidemark.config.JobSpecs;
import io.tidemark.config.PartitionKey;
import io.tidemark.demo.CloudWatchLandingGenerator;
import io.tidemark.demo.CloudWatchLandingSettings;
import io.tidemark.jobs.CurateJob;
import io.tidemark.jobs.CurateOutcome;
import io.tidemark.jobs.TidemarkRuntime;
import io.tidemark.landing.LandingWindow;
import io.tidemark.landing.Ledger;
import io.tidemark.landing.ObjectDiscovery;
import io.tidemark.RunStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Shows whether a rerun that finds nothing new costs the same however big the lake is. It generates a CloudWatch
 * landing of {@code days x scale} days (three small objects an hour, with the generator's usual traps), curates
 * one hour through the real curate path, records the other hours of the first {@code days} days as hourly runs
 * leave them ({@link LakeHistory}: one ledger file per hour, every hour's partitions in the catalog), times a
 * rerun of the curated hour, records the remaining days, and times the same rerun again. Each timing is the median
 * of {@value #REPEATS} reruns after one warm-up, in the same JVM (Spark started once), so what is timed is the
 * rerun's own work: listing the window, reading the ledger, deciding there is nothing to do. Curating every hour
 * for real would take an hour on a laptop; a rerun with nothing new reads nothing else of the lake.
 */
public final class RerunBenchmark {
    static final int REPEATS = 7;
    private static final Instant FIRST_HOUR = Instant.parse("2026-10-01T00:00:00Z");

    private final TidemarkRuntime runtime;
    private final PrintStream progress;

    public RerunBenchmark(TidemarkRuntime runtime, PrintStream progress) {
        this.runtime = runtime;
        this.progress = progress;
    }

    /** The two timings, at {@code days} and at {@code days x scale} days of lake. */
    public List<RerunTiming> run(java.nio.file.Path landingRoot, int days, int scale) throws IOException {
        JobSpec spec = new JobSpecs().get("cwlogs");
        int totalDays = days * scale;
        CloudWatchLandingSettings settings = new CloudWatchLandingSettings(7L, FIRST_HOUR, 24 * totalDays, 3, 2, 4,
                "111122223333", 4, "/vpc/prod-flow-logs", List.of("/app/api"), "cwlogs-to-s3");
        progress.printf("bench rerun: generating %d days of CloudWatch landing in %s%n", totalDays, landingRoot);
        new CloudWatchLandingGenerator(settings).generate(landingRoot);

        LocalDate first = FIRST_HOUR.atZone(ZoneOffset.UTC).toLocalDate();
        LandingWindow rerun = LandingWindow.hour(first, 12);
        long started = System.nanoTime();
        CurateOutcome outcome = newJob().run(spec, rerun);
        outcome.commitLedger();
        progress.printf("bench rerun: curated %s: %s, %d rows out, %.1f s%n", rerun, outcome.result().status(),
                outcome.result().rowsOut(), (System.nanoTime() - started) / 1e9);

        Configuration conf = runtime.spark().sparkContext().hadoopConfiguration();
        LakeHistory history = new LakeHistory(runtime.spark(), new Ledger(conf, runtime.config().lakeRoot(), spec.job()),
                new ObjectDiscovery(conf), runtime.config().landingRoot());
        Map<TableRef, String> templates = templates(spec, rerun);
        List<RerunTiming> timings = new ArrayList<>();
        record(history, spec, first, days, rerun, templates);
        timings.add(measure(spec, rerun, days));
        record(history, spec, first.plusDays(days), totalDays - days, rerun, templates);
        timings.add(measure(spec, rerun, totalDays));
        return timings;
    }

    private void record(LakeHistory history, JobSpec spec, LocalDate from, int days, LandingWindow rerun, Map<TableRef, String> templates) {
        long started = System.nanoTime();
        history.record(spec, from, days, rerun, templates);
        progress.printf("bench rerun: recorded %d days of hourly runs from %s, %.1f s%n", days, from, (System.nanoTime() - started) / 1e9);
    }

    /** Per curated table, where the real run published the rerun window's own hour. */
    private Map<TableRef, String> templates(JobSpec spec, LandingWindow window) {
        Map<TableRef, String> templates = new LinkedHashMap<>();
        for (String dataset : spec.datasets()) {
            TableRef table = new TableRef(runtime.config().catalog().curatedDatabase(), dataset);
            PartitionKey key = PartitionKey.of(dataset, List.of("dt", "hr"),
                    List.of(window.date().toString(), String.format("%02d", window.hour().getAsInt())));
            runtime.catalog().locations(table, List.of(key)).values().forEach(location -> templates.put(table, location));
        }
        return templates;
    }

    private RerunTiming measure(JobSpec spec, LandingWindow window, int days) {
        Configuration conf = runtime.spark().sparkContext().hadoopConfiguration();
        String lakeRoot = runtime.config().lakeRoot();
        Ledger ledger = new Ledger(conf, lakeRoot, spec.job());
        ObjectDiscovery discovery = new ObjectDiscovery(conf);
        long[] entries = new long[1];

        double rerunMs = median(() -> {
            RunStatus status = newJob().run(spec, window).result().status();
            if (status != RunStatus.SKIPPED) {
                throw new IllegalStateException("Cannot time a no-new-data rerun: the rerun of " + window + " was " + status);
            }
            return 0;
        });
        double discoverMs = median(() -> discovery.list(runtime.config().landingRoot(), spec, window).size());
        double ledgerMs = median(() -> entries[0] = ledger.processedIdentities(window, spec.landingLayout()).size());
        RerunTiming timing = new RerunTiming(days, partitions(spec), ledgerFiles(conf, lakeRoot + "/_tidemark/ledger/" + spec.job()),
                rerunMs, discoverMs, ledgerMs, entries[0]);
        progress.printf("bench rerun: %d days: rerun %.1f ms (discover %.1f ms, ledger %.1f ms: %d files, %d entries), %d partitions%n",
                days, rerunMs, discoverMs, ledgerMs, timing.ledgerFiles(), timing.ledgerEntries(), timing.partitions());
        return timing;
    }

    private CurateJob newJob() {
        return new CurateJob(runtime.spark(), runtime.config(), runtime.catalog());
    }

    private long partitions(JobSpec spec) {
        Catalog catalog = runtime.catalog();
        long count = 0;
        for (String dataset : spec.datasets()) {
            TableRef table = new TableRef(runtime.config().catalog().curatedDatabase(), dataset);
            if (catalog.tableExists(table)) {
                count += runtime.spark().sql("SHOW PARTITIONS " + table.quoted()).count();
            }
        }
        return count;
    }

    private static long ledgerFiles(Configuration conf, String folder) {
        try {
            FileSystem fs = FileSystem.get(URI.create(folder), conf);
            long files = 0;
            var listing = fs.listFiles(new Path(folder), true);
            while (listing.hasNext()) {
                if (listing.next().getPath().getName().endsWith(".jsonl")) {
                    files++;
                }
            }
            return files;
        } catch (java.io.FileNotFoundException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double median(LongSupplier work) {
        work.getAsLong();
        double[] millis = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            long started = System.nanoTime();
            work.getAsLong();
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        return millis[REPEATS / 2];
    }
}
