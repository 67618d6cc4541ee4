/**
 * A Hive metastore through Spark SQL: the embedded Derby metastore of the laptop path, or an external one.
 */
package io.tidemark.catalog.hive;
