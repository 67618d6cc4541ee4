package io.tidemark.testing;

import io.tidemark.warehouse.DimDatePopulator;
import io.tidemark.warehouse.EmbeddedWarehouse;
import io.tidemark.warehouse.SqlDialect;
import io.tidemark.warehouse.WarehouseDdl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Objects;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The embedded PostgreSQL warehouse of a test class, started before the class's own {@code @BeforeAll} and stopped
 * (its data directory deleted) after its {@code @AfterAll}: register it with
 * {@code @RegisterExtension static final WarehouseFixture warehouse = WarehouseFixture.withDdl("tidemark")}.
 * Optionally the warehouse DDL of a schema is applied and {@code dim_date} filled for a range, as the loads expect.
 */
public final class WarehouseFixture implements BeforeAllCallback, AfterAllCallback {
    private final String schema;
    private final LocalDate datesFrom;
    private final LocalDate datesTo;
    private Path dataDirectory;
    private EmbeddedWarehouse server;

    private WarehouseFixture(String schema, LocalDate datesFrom, LocalDate datesTo) {
        this.schema = schema;
        this.datesFrom = datesFrom;
        this.datesTo = datesTo;
    }

    /** A bare server: no schema, no tables. */
    public static WarehouseFixture bare() {
        return new WarehouseFixture(null, null, null);
    }

    /** A server with the PostgreSQL rendering of the warehouse DDL applied in {@code schema}. */
    public static WarehouseFixture withDdl(String schema) {
        return new WarehouseFixture(Objects.requireNonNull(schema, "schema is null"), null, null);
    }

    /** The same, with {@code dim_date} filled from {@code from} to {@code to}, both included. */
    public WarehouseFixture withDimDate(LocalDate from, LocalDate to) {
        if (schema == null) {
            throw new IllegalStateException("dim_date needs the DDL: use withDdl(schema) first");
        }
        return new WarehouseFixture(schema, Objects.requireNonNull(from, "from is null"), Objects.requireNonNull(to, "to is null"));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dataDirectory = Files.createTempDirectory("tidemark-warehouse-");
        server = EmbeddedWarehouse.start(EmbeddedWarehouse.dataDirectoryIn(dataDirectory));
        if (schema != null) {
            try (Connection connection = connect()) {
                new WarehouseDdl(SqlDialect.POSTGRES, schema).apply(connection);
                if (datesFrom != null) {
                    new DimDatePopulator(schema).populate(connection, datesFrom, datesTo);
                }
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
        if (dataDirectory != null) {
            FileUtils.deleteDirectory(dataDirectory.toFile());
            dataDirectory = null;
        }
    }

    /** The running server, for {@code WarehouseConnector.embedded(...)} and the like. */
    public EmbeddedWarehouse server() {
        if (server == null) {
            throw new IllegalStateException("the warehouse runs only between the class's beforeAll and afterAll");
        }
        return server;
    }

    /** A new connection to the server (the caller closes it). */
    public Connection connect() throws SQLException {
        return server().dataSource().getConnection();
    }

    /** Empties {@code tables} (trusted, schema-qualified names written in the test) in one statement. */
    public void truncate(String... tables) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE " + String.join(", ", tables));
        }
    }
}
