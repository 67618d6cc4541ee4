/**
 * Sales change data capture: the Aurora trigger's Firehose CSV, AWS DMS CDC files, Debezium envelopes.
 */
package io.tidemark.sources.cdc;
