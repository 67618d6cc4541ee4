package io.tidemark.jobs;

import io.tidemark.config.JobSpec;
import io.tidemark.landing.LandingWindow;
import io.tidemark.lake.PartitionVersion;
import io.tidemark.ops.RunResult;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs one job over one window: curate the lake, then load the job's warehouse models from what was published. */
public final class JobRunner {
    private final TidemarkRuntime runtime;
    private final PrintStream progress;

    public JobRunner(TidemarkRuntime runtime, PrintStream progress) {
        this.runtime = runtime;
        this.progress = progress;
    }

    /** Fails on a model the job spec names but Tidemark does not know, before any work. */
    public static void validate(JobSpec spec) {
        WarehouseModels.validate(spec);
    }

    /**
     * Curates the window, loads the job's models from the published partitions the window fed, then records the
     * window's objects in the ledger. A failed load leaves the ledger untouched, so the next run of the window
     * reads the objects again (all duplicates by then) and repeats the load, which is a no-op if it had committed.
     */
    public RunResult run(JobSpec spec, LandingWindow window, boolean load) {
        long started = System.currentTimeMillis();
        validate(spec);
        CurateOutcome outcome = new CurateJob(runtime.spark(), runtime.config(), runtime.catalog()).run(spec, window);
        RunResult result = outcome.result();
        progress.printf("tidemark: %s %s: %s, %d objects, %d rows in, %d out, %d duplicate, %d quarantined%n",
                spec.job(), window, result.status(), result.objects(), result.rowsIn(), result.rowsOut(),
                result.rowsDuplicate(), result.rowsQuarantined());
        if (load) {
            for (String name : spec.warehouseModels()) {
                WarehouseModel model = WarehouseModels.named(name);
                Map<String, List<PartitionVersion>> published = new LinkedHashMap<>();
                for (String dataset : model.datasets()) {
                    List<PartitionVersion> versions = outcome.fedPartitions().getOrDefault(dataset, List.of());
                    if (!versions.isEmpty()) {
                        published.put(dataset, versions);
                    }
                }
                if (!published.isEmpty()) {
                    for (ModelLoadResult loaded : model.load(ModelLoadContext.of(runtime), result.runId(), published)) {
                        progress.printf("tidemark: %s %s: warehouse %s %s, %d rows (load %s)%n",
                                spec.job(), window, loaded.table(), loaded.outcome(), loaded.rows(), loaded.loadId());
                    }
                }
            }
        }
        outcome.commitLedger();
        return result.withDuration(System.currentTimeMillis() - started);
    }
}
