package io.tidemark.warehouse.model;

import io.tidemark.lake.PartitionVersion;
import java.util.List;
import java.util.Map;

/**
 * A warehouse model named in a job spec's {@code warehouseModels}: loads its warehouse tables from the curated
 * partitions a run published. Implementations are stateless; {@link WarehouseModels} is the one registry.
 */
public interface WarehouseModel {
    /** The model's name in job specs and on the CLI ({@code tidemark load MODEL}). */
    String name();

    /** The curated datasets the model reads; a run loads the model when it published partitions of any of them. */
    List<String> datasets();

    /**
     * Loads the published partitions into the warehouse, one audited transaction per table, so that loading the
     * same versions again is a no-op.
     *
     * @return one result per warehouse table loaded, in load order
     *
     * @param published the published partition versions per dataset, only of {@link #datasets()}, never all empty
     */
    List<ModelLoadResult> load(ModelLoadContext context, String runId, Map<String, List<PartitionVersion>> published);
}
