/**
 * Immutable configuration parsed from JSON: the runtime config, job specs with their source specs, dataset schemas
 * and their partition keys ({@link io.tidemark.config.PartitionKey}),
 * and the expression languages they use (Firehose prefixes, flow-log formats). Validation errors name the setting.
 */
package io.tidemark.config;
