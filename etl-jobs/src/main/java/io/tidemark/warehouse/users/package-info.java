/**
 * The users dimension (SCD type 2) from reference snapshots.
 */
package io.tidemark.warehouse.users;
