/**
 * The contract between raw objects and curated rows: {@link io.tidemark.sources.ObjectParser}, the record sink, the
 * source rows of each dataset, and the Spark job that parses a window's objects ({@link
 * io.tidemark.sources.ParsedObjectSource}). One sub-package per source family.
 */
package io.tidemark.sources;
