package io.tidemark.sources;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a source read from a window's new objects: rows per curated dataset ({@link DatasetStructs#sourceRow}),
 * quarantine rows, and one report per object. Call {@link #release()} when the run is done with it.
 */
public record SourceBatch(Map<String, Dataset<Row>> datasets, Dataset<Row> quarantine, List<ObjectReport> objects,
                          Runnable releaser) {
    public SourceBatch {
        datasets = Map.copyOf(datasets);
        objects = List.copyOf(objects);
    }

    public void release() {
        releaser.run();
    }
}
