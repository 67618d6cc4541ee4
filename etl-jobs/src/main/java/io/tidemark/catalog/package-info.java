/**
 * Where curated tables and their partition versions are registered ({@link io.tidemark.catalog.Catalog}): publishing a
 * partition points it at a new version folder, guarded by the merge base it was built on (optimistic concurrency).
 */
package io.tidemark.catalog;
