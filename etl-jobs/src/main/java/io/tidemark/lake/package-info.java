/**
 * The lake's layout and storage: partition version folders, Parquet file sizing, and the leases that keep
 * concurrent processes from merging the same table at once (local atomic create or S3 conditional write).
 */
package io.tidemark.lake;
