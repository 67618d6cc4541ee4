package io.tidemark.warehouse.model;

import io.tidemark.catalog.Catalog;
import io.tidemark.lake.PartitionVersion;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A model's warehouse load for one event date, outside a run ({@code tidemark load MODEL --date D}): the published
 * partitions of that {@code dt} of each of the model's datasets, with their locations, come from the catalog. A run
 * that published exactly those versions derived the same load ids, so loading after such a run is a no-op.
 */
public final class ModelDateLoad {
    private final Catalog catalog;
    private final ModelLoadContext context;

    /** @param context the load context; its catalog (the runtime's, of {@code catalog.kind}) lists the partitions */
    public ModelDateLoad(ModelLoadContext context) {
        this.context = Objects.requireNonNull(context, "context is null");
        this.catalog = context.catalog();
    }

    /** The published versions of the date's partitions, per dataset of the model that has any. */
    public Map<String, List<PartitionVersion>> published(WarehouseModel model, LocalDate date) {
        Map<String, List<PartitionVersion>> published = new LinkedHashMap<>();
        for (String dataset : model.datasets()) {
            List<PartitionVersion> versions = catalog.publishedWhere(context.table(dataset), "dt", date.toString());
            if (!versions.isEmpty()) {
                published.put(dataset, versions);
            }
        }
        return published;
    }

    /** Loads the date's published partitions; an empty list when none of the model's datasets has any. */
    public List<ModelLoadResult> load(WarehouseModel model, LocalDate date, String runId) {
        Map<String, List<PartitionVersion>> published = published(model, date);
        return published.isEmpty() ? List.of() : model.load(context, runId, published);
    }
}
