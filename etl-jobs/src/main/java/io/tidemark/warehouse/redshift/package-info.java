/**
 * Redshift staging: Parquet files in S3 and a COPY manifest loaded with COPY ... FORMAT AS PARQUET MANIFEST.
 */
package io.tidemark.warehouse.redshift;
