/**
 * Which parser reads a job's source: the one place that knows every family.
 */
package io.tidemark.sources.registry;
