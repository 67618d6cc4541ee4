/**
 * From parsed rows to the rows of a partition version: merging a window's rows into the published partitions by key
 * ({@link io.tidemark.conform.PartitionMerger}), partition keys.
 */
package io.tidemark.conform;
