/**
 * PostgreSQL staging: COPY FROM STDIN through pgjdbc's CopyManager.
 */
package io.tidemark.warehouse.postgres;
