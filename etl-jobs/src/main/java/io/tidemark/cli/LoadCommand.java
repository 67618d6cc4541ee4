package io.tidemark.cli;

import io.tidemark.config.PartitionKey;
import io.tidemark.lake.PartitionVersion;
import io.tidemark.warehouse.model.ModelDateLoad;
import io.tidemark.warehouse.model.ModelLoadResult;
import io.tidemark.jobs.RunIds;
import io.tidemark.jobs.TidemarkRuntime;
import io.tidemark.warehouse.model.WarehouseModel;
import io.tidemark.warehouse.model.WarehouseModels;
import io.tidemark.ops.RunResult;
import io.tidemark.RunStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tidemark load MODEL --date yyyy-MM-dd}: loads a warehouse model from the partitions of that event date
 * published in the catalog. {@code rows_in} counts the staged rows, {@code rows_out} those of tables this call
 * loaded; SKIPPED when every table's load id was committed already or nothing is published for the date.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load one warehouse model (e.g. flow_hourly, article_events) from the published partitions of one date.")
final class LoadCommand extends ResultCommand {
    @Parameters(index = "0", paramLabel = "MODEL", description = "Warehouse model name, as in job specs' warehouseModels.")
    String model;

    @Option(names = "--date", required = true, paramLabel = "yyyy-MM-dd", description = "Event date (dt) of the partitions to load.")
    LocalDate date;

    @Override
    protected RunResult execute() {
        long started = System.currentTimeMillis();
        WarehouseModel warehouseModel = WarehouseModels.named(model);
        String runId = RunIds.next(Instant.ofEpochMilli(started));
        try (TidemarkRuntime runtime = new TidemarkRuntime(common.workdir(), common.runtimeConfig())) {
            ModelDateLoad load = new ModelDateLoad(runtime.modelContext());
            List<PartitionKey> partitions = load.published(warehouseModel, date).values().stream()
                    .flatMap(versions -> versions.stream().map(PartitionVersion::partition)).toList();
            List<ModelLoadResult> results = load.load(warehouseModel, date, runId);
            for (ModelLoadResult result : results) {
                System.err.printf("tidemark: load %s %s: warehouse %s %s, %d rows (load %s)%n",
                        model, date, result.table(), result.outcome(), result.rows(), result.loadId());
            }
            boolean loaded = results.stream().anyMatch(r -> r.outcome() == ModelLoadResult.Outcome.LOADED);
            return RunResult.builder(loaded ? RunStatus.SUCCEEDED : RunStatus.SKIPPED, model, runId, date.toString())
                    .partitions(partitions)
                    .rowsIn(results.stream().mapToLong(ModelLoadResult::rows).sum())
                    .rowsOut(results.stream().filter(r -> r.outcome() == ModelLoadResult.Outcome.LOADED)
                            .mapToLong(ModelLoadResult::rows).sum())
                    .durationMs(System.currentTimeMillis() - started)
                    .build();
        }
    }

    @Override
    protected String jobName() {
        return model;
    }

    @Override
    protected String windowLabel() {
        return date == null ? null : date.toString();
    }
}
