package io.tidemark.warehouse;

import io.tidemark.config.ConfigException;
import io.tidemark.config.WarehouseConfig;
import io.tidemark.warehouse.postgres.PostgresDatasetCopy;
import io.tidemark.warehouse.redshift.RedshiftS3Staging;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How a load gets a Spark Dataset's rows into its temp staging table: COPY FROM STDIN on PostgreSQL
 * ({@link io.tidemark.warehouse.postgres.PostgresDatasetCopy}), Parquet files in S3 with a COPY manifest on Redshift
 * ({@link io.tidemark.warehouse.redshift.RedshiftS3Staging}). The Dataset's columns must be the staging table's
 * columns, in order (Redshift's Parquet COPY maps columns by position).
 */
public interface DatasetStaging {
    /**
     * Makes the rows ready to copy, before the load's transaction starts: nothing to do on PostgreSQL; on Redshift
     * Spark writes the files and their manifest under a folder named after {@code loadId}.
     */
    StagedRows prepare(Dataset<Row> rows, String loadId);

    /**
     * The staging of a warehouse of that dialect: COPY FROM STDIN on PostgreSQL; on Redshift S3 files under
     * {@code warehouse.stagingUri} copied with {@code warehouse.iamRole}, both then required.
     */
    static DatasetStaging of(SqlDialect dialect, WarehouseConfig config, Configuration hadoopConf) {
        return switch (dialect) {
            case POSTGRES -> new PostgresDatasetCopy();
            case REDSHIFT -> new RedshiftS3Staging(
                    config.staging().orElseThrow(() -> new ConfigException("Cannot load Redshift: warehouse.stagingUri "
                            + "(the S3 prefix where loads stage Parquet files for COPY) is not set")),
                    config.copyRole().orElseThrow(() -> new ConfigException("Cannot load Redshift: warehouse.iamRole "
                            + "(the IAM role ARN Redshift's COPY assumes to read warehouse.stagingUri) is not set")),
                    hadoopConf);
        };
    }
}
