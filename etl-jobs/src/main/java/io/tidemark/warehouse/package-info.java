/**
 * The warehouse (Redshift, or PostgreSQL on the laptop): connections and secrets, DDL migrations, the audited
 * load protocol (one transaction per load, idempotent by load id), the one staging interface every model loads
 * through ({@link io.tidemark.warehouse.DatasetStaging}) and SQL resources.
 */
package io.tidemark.warehouse;
