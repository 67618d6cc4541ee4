/**
 * {@code tidemark bench}: deterministic workloads and the side-by-side measurements of curate, load and rerun against
 * the idiomatic Spark job, Spark's JDBC writer and raw COPY.
 */
package io.tidemark.bench;
