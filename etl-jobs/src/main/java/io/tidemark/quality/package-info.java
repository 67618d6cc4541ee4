/**
 * Data quality as code: DQDL rulesets evaluated by Deequ as the publish gate, row-level rules that quarantine
 * rows, and the row-count history with its anomaly check.
 */
package io.tidemark.quality;
