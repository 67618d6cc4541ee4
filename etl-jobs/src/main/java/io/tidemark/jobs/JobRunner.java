package io.tidemark.jobs;

import io.tidemark.warehouse.model.ModelLoadResult;
import io.tidemark.warehouse.model.WarehouseModel;
import io.tidemark.warehouse.model.WarehouseModels;

import io.tidemark.config.ConfigException;
import io.tidemark.lake.StorageEndpoint;
import io.tidemark.ErrorCode;
import io.tidemark.TidemarkException;

import io.tidemark.catalog.TableLocks;
import io.tidemark.catalog.TableRef;
import io.tidemark.config.JobSpec;
import io.tidemark.landing.LandingWindow;
import io.tidemark.landing.RunOrigin;
import io.tidemark.lake.PartitionVersion;
import io.tidemark.ops.RunResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs one job over one window: curate the lake, then load the job's warehouse models from what was published. */
public final class JobRunner {
    private final TidemarkRuntime runtime;
    private final PrintStream progress;
    private final RunHooks hooks;
    private final OverlapSafety safety;

    public JobRunner(TidemarkRuntime runtime, PrintStream progress) {
        this(runtime, progress, RunHooks.NONE);
    }

    /** @param hooks {@link RunHooks#NONE} except in tests that simulate crashes */
    public JobRunner(TidemarkRuntime runtime, PrintStream progress, RunHooks hooks) {
        this(runtime, progress, hooks, OverlapSafety.FULL);
    }

    /** @param safety {@link OverlapSafety#FULL} except in tests that show the race between processes */
    public JobRunner(TidemarkRuntime runtime, PrintStream progress, RunHooks hooks, OverlapSafety safety) {
        this.runtime = runtime;
        this.progress = progress;
        this.hooks = hooks;
        this.safety = safety;
    }

    /** Fails on a model the job spec names but Tidemark does not know, before any work. */
    public static void validate(JobSpec spec) {
        WarehouseModels.validate(spec);
    }

    /** A scheduled run of the window. */
    public RunResult run(JobSpec spec, LandingWindow window, boolean load) {
        return run(spec, window, load, RunOrigin.SCHEDULED);
    }

    /**
     * Curates the window, loads the job's models from the published partitions the window fed, then records the
     * window's objects in the ledger. A failed load leaves the ledger untouched, so the next run of the window
     * reads the objects again (all duplicates by then) and repeats the load, which is a no-op if it had committed.
     * Safe to call from several threads on one runtime: each load reads the partitions' versions published at
     * the time it runs, under the tables' locks, so a slower window never loads an older version over a newer one.
     */
    public RunResult run(JobSpec spec, LandingWindow window, boolean load, RunOrigin origin) {
        try {
            return runOnce(spec, window, load, origin);
        } catch (TidemarkException | ConfigException | CurateJob.QualityGateException e) {
            throw e;
        } catch (Exception e) {
            // S3A's failures name a path, not where it lives: the message names the endpoint too
            String storage = StorageEndpoint.failureOf(e, runtime.spark().sparkContext().hadoopConfiguration()).orElse(null);
            if (storage == null) {
                throw e;
            }
            throw new TidemarkException(ErrorCode.STORAGE_FAILED, "Cannot run " + spec.job() + " " + window.label()
                    + ": " + storage + "; the rerun of the window converges once S3 answers again", e);
        }
    }

    private RunResult runOnce(JobSpec spec, LandingWindow window, boolean load, RunOrigin origin) {
        long started = System.currentTimeMillis();
        validate(spec);
        TableLocks locks = safety.leases() ? runtime.tableLocks() : new TableLocks();
        CurateOutcome outcome = new CurateJob(runtime.spark(), runtime.config(), runtime.catalog(), locks, hooks, safety)
                .run(spec, window, origin);
        RunResult result = outcome.result();
        progress.printf("tidemark: %s %s: %s, %d objects, %d rows in, %d out, %d duplicate, %d quarantined%n",
                spec.job(), window, result.status(), result.objects(), result.rowsIn(), result.rowsOut(),
                result.rowsDuplicate(), result.rowsQuarantined());
        if (!outcome.fedPartitions().isEmpty()) {
            hooks.reached(FaultPoint.AFTER_PUBLISH_BEFORE_LOAD, spec.job(), window);
        }
        if (load) {
            for (String name : spec.warehouseModels()) {
                load(spec, window, result.runId(), WarehouseModels.named(name), outcome.fedPartitions());
            }
        }
        if (!outcome.fedPartitions().isEmpty()) {
            hooks.reached(FaultPoint.AFTER_LOAD_BEFORE_LEDGER, spec.job(), window);
        }
        outcome.commitLedger();
        return result.withDuration(System.currentTimeMillis() - started);
    }

    private void load(JobSpec spec, LandingWindow window, String runId, WarehouseModel model,
                      Map<String, List<PartitionVersion>> fed) {
        List<TableRef> tables = new ArrayList<>();
        for (String dataset : model.datasets()) {
            if (!fed.getOrDefault(dataset, List.of()).isEmpty()) {
                tables.add(new TableRef(runtime.config().catalog().curatedDatabase(), dataset));
            }
        }
        if (tables.isEmpty()) {
            return;
        }
        try (TableLocks.Held held = runtime.tableLocks().acquire(tables, runId)) {
            Map<String, List<PartitionVersion>> published = new LinkedHashMap<>();
            for (TableRef table : tables) {
                List<PartitionVersion> current = new ArrayList<>();
                runtime.catalog().locations(table, fed.get(table.table()).stream().map(PartitionVersion::partition).toList())
                        .forEach((key, location) -> current.add(new PartitionVersion(key, location)));
                published.put(table.table(), current);
            }
            for (ModelLoadResult loaded : model.load(runtime.modelContext(), runId, published)) {
                progress.printf("tidemark: %s %s: warehouse %s %s, %d rows (load %s)%n",
                        spec.job(), window, loaded.table(), loaded.outcome(), loaded.rows(), loaded.loadId());
            }
        }
    }
}
