package io.tidemark.conform;

import io.tidemark.config.PartitionKey;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Reads what is published today for some partitions of one dataset (curated layout). */
@FunctionalInterface
public interface PublishedRows {
    Optional<Dataset<Row>> read(List<PartitionKey> partitions);
}
