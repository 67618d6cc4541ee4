/**
 * Redshift Spectrum external schema and table DDL over the curated tables.
 */
package io.tidemark.warehouse.spectrum;
