package io.tidemark.warehouse;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How a load gets a Spark Dataset's rows into its temp staging table: parallel COPY FROM STDIN on PostgreSQL
 * ({@code warehouse.postgres.PostgresDatasetCopy}), Parquet files in S3 with a COPY manifest on Redshift
 * ({@code warehouse.redshift.RedshiftS3Staging}); {@code warehouse.model.DialectStaging} picks one. The Dataset's columns must be the staging table's
 * columns, in order (Redshift's Parquet COPY maps columns by position).
 */
public interface DatasetStaging {
    /**
     * Makes the rows ready to copy, before the load's transaction starts: on PostgreSQL the executors COPY them into
     * an unlogged table; on Redshift Spark writes the files and their manifest under a folder named after
     * {@code loadId}. The caller closes the result once the load committed or finally failed, never between the
     * attempts of one load.
     */
    StagedRows prepare(Dataset<Row> rows, String loadId);
}
