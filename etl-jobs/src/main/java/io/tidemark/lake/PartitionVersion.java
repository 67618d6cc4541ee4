package io.tidemark.lake;

import io.tidemark.config.PartitionKey;

/** A written, not yet published, version of one partition: the folder that holds its whole content. */
public record PartitionVersion(PartitionKey partition, String location) {
}
