/**
 * Clickstream JSON events.
 */
package io.tidemark.sources.clickstream;
