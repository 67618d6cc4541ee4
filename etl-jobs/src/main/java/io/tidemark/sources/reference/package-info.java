/**
 * Reference snapshots (the users CSV).
 */
package io.tidemark.sources.reference;
