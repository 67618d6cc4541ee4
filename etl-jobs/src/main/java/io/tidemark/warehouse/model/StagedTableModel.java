package io.tidemark.warehouse.model;

import io.tidemark.config.DatasetSchema;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.sources.DatasetStructs;
import io.tidemark.lake.PartitionVersion;
import io.tidemark.warehouse.TableLoadScript;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A model that loads one warehouse table from one curated dataset: a subclass only says which rows to stage (a Spark
 * query over the published partitions, in the stage table's column order); the load is {@link ModelTableLoad}'s.
 * A windowed script replaces the published hours; a MERGE script replaces nothing by window.
 */
abstract class StagedTableModel implements WarehouseModel {
    private final String name;
    private final String dataset;
    private final TableLoadScript script;

    StagedTableModel(String name, String dataset, TableLoadScript script) {
        this.name = Objects.requireNonNull(name, "name is null");
        this.dataset = Objects.requireNonNull(dataset, "dataset is null");
        this.script = Objects.requireNonNull(script, "script is null");
    }

    /** The rows to stage: the columns of {@code stage_<table>}, in order. */
    abstract Dataset<Row> stagedRows(Dataset<Row> published);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> datasets() {
        return List.of(dataset);
    }

    @Override
    public final List<ModelLoadResult> load(ModelLoadContext context, String runId,
                                            Map<String, List<PartitionVersion>> published) {
        PublishedPartitions partitions = new PublishedPartitions(published.get(dataset));
        DatasetSchema schema = DatasetSchemas.get(dataset);
        Dataset<Row> lakeRows = context.published().read(context.table(dataset), schema, partitions.keys())
                .orElseGet(() -> context.spark().createDataFrame(List.of(), DatasetStructs.curatedRow(schema)));
        Dataset<Row> rows = stagedRows(lakeRows);
        return List.of(new ModelTableLoad(context, name).load(script, partitions, runId,
                script.windowed() ? partitions.hours() : List.of(), rows));
    }
}
