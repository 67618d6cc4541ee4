/**
 * Orchestration: a curate run from window to published partitions and committed ledger ({@link
 * io.tidemark.jobs.CurateJob}), backfill, compaction, garbage collection of old versions, quarantine replay, and the
 * runtime ({@link io.tidemark.jobs.TidemarkRuntime}) that starts Spark, the catalog and the warehouse on first use.
 */
package io.tidemark.jobs;
