/**
 * The warehouse models: what each fact and dimension loads from which curated dataset, and the choice of the
 * dialect's staging ({@link io.tidemark.warehouse.model.DialectStaging}).
 */
package io.tidemark.warehouse.model;
