/**
 * The AWS Glue Data Catalog through the AWS SDK v2: tables, batch partition calls, table versions.
 */
package io.tidemark.catalog.glue;
