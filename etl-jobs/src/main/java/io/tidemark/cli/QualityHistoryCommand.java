package io.tidemark.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.config.ConfigException;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.jobs.TidemarkRuntime;
import io.tidemark.ops.RunResult;
import io.tidemark.quality.RowCountHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tidemark quality history DATASET [--last N]}: the last metrics the quality gate recorded for a dataset. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Print the last metrics recorded for a dataset in Deequ's metrics repository in the lake "
                + "(_tidemark/quality/<dataset>/metrics.json): one row per run, partition and metric.")
final class QualityHistoryCommand extends ResultCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "DATASET", description = "A curated dataset (schemas/<dataset>.json), e.g. vpc_flow_logs.")
    String dataset;

    @Option(names = "--last", defaultValue = "20", paramLabel = "N", description = "How many entries, newest last (default: ${DEFAULT-VALUE}).")
    int last;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|json",
            description = "Output: an aligned table (default), CSV with a header, or one JSON object per row.")
    String format;

    @Override
    protected RunResult execute() throws Exception {
        long started = System.currentTimeMillis();
        if (last < 1) {
            throw new ConfigException("Cannot use --last " + last + ": expected 1 or more");
        }
        DatasetSchemas.get(dataset);
        ResultTable.Format output = SqlCommand.parseFormat(format);
        List<JsonNode> entries = new ArrayList<>();
        try (TidemarkRuntime runtime = new TidemarkRuntime(common.workdir(), common.runtimeConfig())) {
            String json = new RowCountHistory(runtime.spark(), runtime.config().lakeRoot()).json(dataset);
            JSON.readTree(json).forEach(entries::add);
        }
        entries.sort(Comparator.comparingLong((JsonNode e) -> e.path("dataset_date").asLong())
                .thenComparing(e -> e.path(RowCountHistory.PARTITION_TAG).asText()));
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode e : entries.subList(Math.max(0, entries.size() - last), entries.size())) {
            rows.add(List.of(Instant.ofEpochMilli(e.path("dataset_date").asLong()).toString(), e.path(RowCountHistory.RUN_TAG).asText(),
                    e.path(RowCountHistory.PARTITION_TAG).asText(), e.path(RowCountHistory.HOUR_TAG).asText(),
                    e.path("name").asText(), e.path("value").asDouble()));
        }
        new ResultTable(List.of("recorded_at", "run_id", "partition", "hour_of_day", "metric", "value"), rows)
                .print(System.out, output);
        return RunResult.succeeded(jobName(), null, null).rowsOut(rows.size())
                .durationMs(System.currentTimeMillis() - started).build();
    }

    @Override
    protected boolean recordsRun() {
        return false;
    }

    @Override
    protected String jobName() {
        return "quality-history";
    }
}
