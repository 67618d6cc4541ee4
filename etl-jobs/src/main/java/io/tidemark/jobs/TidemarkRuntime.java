package io.tidemark.jobs;

import io.tidemark.catalog.Catalog;
import io.tidemark.catalog.glue.GlueCatalog;
import io.tidemark.catalog.TableLocks;
import io.tidemark.catalog.hive.HiveCatalog;
import io.tidemark.config.ConfigException;
import io.tidemark.config.RuntimeConfig;
import io.tidemark.lake.LeaseStore;
import io.tidemark.lake.TableLeases;
import io.tidemark.ErrorCode;
import io.tidemark.TidemarkException;
import io.tidemark.warehouse.DimDatePopulator;
import io.tidemark.warehouse.EmbeddedWarehouse;
import io.tidemark.warehouse.WarehouseConnector;
import io.tidemark.warehouse.WarehouseDdl;
import io.tidemark.warehouse.model.DialectStaging;
import io.tidemark.warehouse.model.ModelLoadContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import org.apache.spark.sql.SparkSession;

/**
 * The parts one command runs against, started on first use and stopped by {@link #close()}: the SparkSession
 * (with the catalog) and the warehouse (the embedded PostgreSQL in the workdir unless a URL is configured).
 */
public final class TidemarkRuntime implements AutoCloseable {
    private final Path workdir;
    private final RuntimeConfig config;
    private SparkSession spark;
    private Catalog catalog;
    private EmbeddedWarehouse embedded;
    private WarehouseConnector warehouse;
    private TableLocks tableLocks;

    public TidemarkRuntime(Path workdir, RuntimeConfig config) {
        this.workdir = workdir.toAbsolutePath().normalize();
        this.config = config.resolveAgainst(this.workdir);
    }

    public Path workdir() {
        return workdir;
    }

    public RuntimeConfig config() {
        return config;
    }

    public synchronized SparkSession spark() {
        if (spark == null) {
            spark = SparkSessions.create(config, workdir);
        }
        return spark;
    }

    /** The catalog of {@code catalog.kind}: Spark's metastore client ({@code hive}) or the Glue SDK ({@code glue}). */
    public synchronized Catalog catalog() {
        if (catalog == null) {
            catalog = switch (config.catalog().kind()) {
                case HIVE -> new HiveCatalog(spark());
                case GLUE -> GlueCatalog.connect(config.catalog());
            };
        }
        return catalog;
    }

    /**
     * The table locks every run of this runtime shares (parallel backfill windows), with the tables' leases in the
     * lake that keep other processes out ({@code leases} in the runtime config).
     */
    public synchronized TableLocks tableLocks() {
        if (tableLocks == null) {
            LeaseStore store = LeaseStore.forLake(config.lakeRoot(), spark().sparkContext().hadoopConfiguration());
            tableLocks = new TableLocks(new TableLeases(store, config.leases(), Clock.systemUTC(), System.err));
        }
        return tableLocks;
    }

    /** The warehouse, with its schema, tables, views and {@code dim_date} in place. */
    public synchronized WarehouseConnector warehouse() {
        if (warehouse == null) {
            warehouse = connect(true);
            try (Connection connection = warehouse.open()) {
                new WarehouseDdl(warehouse.dialect(), config.warehouse().schema()).apply(connection);
                new DimDatePopulator(config.warehouse().schema())
                        .populate(connection, config.warehouse().dimDateFrom(), config.warehouse().dimDateTo());
            } catch (SQLException e) {
                throw new TidemarkException(ErrorCode.WAREHOUSE_FAILED, "Cannot prepare the warehouse schema '"
                        + config.warehouse().schema() + "' on " + warehouse + ": " + e.getMessage(), e);
            }
        }
        return warehouse;
    }

    /** The warehouse as it is, for queries: the embedded one must already exist in the workdir. */
    public synchronized WarehouseConnector existingWarehouse() {
        if (warehouse == null) {
            warehouse = connect(false);
        }
        return warehouse;
    }

    private WarehouseConnector connect(boolean create) {
        if (config.warehouse().usesServer()) {
            return WarehouseConnector.server(config.warehouse());
        }
        Path data = EmbeddedWarehouse.dataDirectoryIn(workdir);
        if (!create && !Files.isDirectory(data)) {
            throw new ConfigException("Cannot query the warehouse: there is no embedded warehouse in " + workdir
                    + " yet; run './tidemark demo' (or a job) with --workdir " + workdir + " first");
        }
        try {
            embedded = EmbeddedWarehouse.start(data);
        } catch (IOException e) {
            throw new TidemarkException(ErrorCode.WAREHOUSE_FAILED, "Cannot start the embedded PostgreSQL in " + data
                    + ": " + e.getMessage() + " (is another tidemark command using this workdir?)", e);
        }
        return WarehouseConnector.embedded(embedded);
    }

    /** What the warehouse models load with: the session, the curated tables' catalog and the warehouse's staging. */
    public ModelLoadContext modelContext() {
        WarehouseConnector connector = warehouse();
        return new ModelLoadContext(spark(), config.catalog().curatedDatabase(), connector, config.warehouse().schema(),
                catalog(), DialectStaging.datasets(connector, config.warehouse(), spark().sparkContext().hadoopConfiguration()));
    }

    @Override
    public void close() {
        if (catalog instanceof GlueCatalog glue) {
            glue.close();
        }
        catalog = null;
        if (spark != null) {
            spark.stop();
            spark = null;
        }
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }
}
