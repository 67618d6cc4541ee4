package io.tidemark.jobs;

import io.tidemark.config.CatalogConfig;
import io.tidemark.config.RuntimeConfig;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Builds the one SparkSession of a command, with Hive catalog support. */
public final class SparkSessions {
    private SparkSessions() {
    }

    public static SparkSession create(RuntimeConfig config, Path workdir) {
        SparkConf given = new SparkConf();
        SparkSession.Builder builder = SparkSession.builder().appName("tidemark");
        boolean local = !given.contains("spark.master");
        if (local) {
            builder.master(config.spark().master())
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "8")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1");
        }
        builder.config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
                .config("spark.sql.parquet.compression.codec", "snappy")
                .config("spark.sql.hive.convertMetastoreParquet", "true")
                .config("spark.sql.catalogImplementation", "hive")
                // a task that runs out of memory fails its job (the run ends with its result line, exit code 1)
                // instead of Spark's executor exiting the JVM with code 52 and no result line
                .config("spark.executor.killOnFatalError.depth", "0")
                // the cached intermediates of a run (the parsed objects, the deduped batch) are read once or twice:
                // gathering compression statistics and encoding them cost more CPU than they save
                .config("spark.sql.inMemoryColumnarStorage.compressed", "false");
        if (config.catalog().metastore() == CatalogConfig.Metastore.EMBEDDED) {
            Path metastore = workdir.resolve("metastore").toAbsolutePath().normalize();
            System.setProperty("derby.stream.error.file", metastore.resolve("derby.log").toString());
            metastore.toFile().mkdirs();
            builder.config("spark.hadoop.javax.jdo.option.ConnectionURL",
                            "jdbc:derby:;databaseName=" + metastore.resolve("metastore_db") + ";create=true")
                    .config("spark.sql.warehouse.dir", workdir.resolve("spark-warehouse").toAbsolutePath().normalize().toUri().toString());
        }
        config.spark().conf().forEach(builder::config);
        return builder.enableHiveSupport().getOrCreate();
    }
}
