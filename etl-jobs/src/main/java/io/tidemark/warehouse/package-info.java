/**
 * The warehouse (Redshift, or PostgreSQL on the laptop): connections and secrets, DDL migrations, the audited
 * load protocol (one transaction per load, idempotent by load id), staging interfaces and SQL resources.
 */
package io.tidemark.warehouse;
