package io.tidemark.warehouse.model;

import io.tidemark.config.ConfigException;
import io.tidemark.config.WarehouseConfig;
import io.tidemark.warehouse.DatasetStaging;
import io.tidemark.warehouse.WarehouseConnector;
import io.tidemark.warehouse.postgres.PostgresDatasetCopy;
import io.tidemark.warehouse.redshift.RedshiftS3Staging;
import org.apache.hadoop.conf.Configuration;

/**
 * Picks the staging of a warehouse's dialect for the models: the dialect packages implement
 * {@code io.tidemark.warehouse.DatasetStaging}, the one way every model's rows reach the warehouse, and only the
 * models, which use it, choose between them.
 */
public final class DialectStaging {
    private DialectStaging() {
    }

    /**
     * How loads get a Dataset's rows into the warehouse: on PostgreSQL the executors COPY into an unlogged table of
     * {@code warehouse.schema} through {@code connector}'s endpoint; on Redshift S3 files under
     * {@code warehouse.stagingUri} copied with {@code warehouse.iamRole}, both then required.
     */
    public static DatasetStaging datasets(WarehouseConnector connector, WarehouseConfig config, Configuration hadoopConf) {
        return switch (connector.dialect()) {
            case POSTGRES -> new PostgresDatasetCopy(connector.endpoint(), config.schema());
            case REDSHIFT -> new RedshiftS3Staging(
                    config.staging().orElseThrow(() -> new ConfigException("Cannot load Redshift: warehouse.stagingUri "
                            + "(the S3 prefix where loads stage Parquet files for COPY) is not set")),
                    config.copyRole().orElseThrow(() -> new ConfigException("Cannot load Redshift: warehouse.iamRole "
                            + "(the IAM role ARN Redshift's COPY assumes to read warehouse.stagingUri) is not set")),
                    hadoopConf, System.err);
        };
    }
}
