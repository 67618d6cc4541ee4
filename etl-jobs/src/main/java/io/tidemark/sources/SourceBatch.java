package io.tidemark.sources;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a source read from a window's new objects: rows per curated dataset ({@link DatasetStructs#sourceRow}),
 * quarantine rows, and one report per object; {@code changedObjects}: the URIs of objects rewritten after they were
 * listed, of which nothing was kept (the next run reads them). Call {@link #release()} when the run is done with it.
 */
public record SourceBatch(Map<String, Dataset<Row>> datasets, Dataset<Row> quarantine, List<ObjectReport> objects,
                          Runnable releaser, List<String> changedObjects) {
    public SourceBatch {
        datasets = Map.copyOf(datasets);
        objects = List.copyOf(objects);
        changedObjects = List.copyOf(changedObjects);
    }

    public SourceBatch(Map<String, Dataset<Row>> datasets, Dataset<Row> quarantine, List<ObjectReport> objects, Runnable releaser) {
        this(datasets, quarantine, objects, releaser, List.of());
    }

    public void release() {
        releaser.run();
    }
}
