/**
 * Schema evolution: plans new nullable columns from new raw fields or quarantines what cannot be widened, and
 * records each dataset's schema history in the lake.
 */
package io.tidemark.conform.evolution;
