package io.tidemark.warehouse;

import io.tidemark.config.ConfigException;
import io.tidemark.config.WarehouseConfig;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Opens connections to the configured warehouse: the embedded PostgreSQL when the config has no URL, otherwise
 * the server at the URL with the configured user and the password read from the environment variable named by
 * {@code passwordEnv}. The password is never logged, printed or part of {@link #toString()}.
 *
 * <p>The driver is chosen by the URL, not by {@code DriverManager}: the Redshift driver also accepts some
 * PostgreSQL URLs, so {@code jdbc:redshift:} goes to the Redshift driver and everything else to pgjdbc.
 */
public final class WarehouseConnector implements ConnectionSource {
    private final SqlDialect dialect;
    private final String description;
    private final ConnectionOpener opener;

    private WarehouseConnector(SqlDialect dialect, String description, ConnectionOpener opener) {
        this.dialect = dialect;
        this.description = description;
        this.opener = opener;
    }

    /** Connects to the configured server, or to {@code embedded} when the config has no URL. */
    public static WarehouseConnector of(WarehouseConfig config, EmbeddedWarehouse embedded,
                                        Function<String, String> environment) {
        Objects.requireNonNull(config, "config is null");
        if (config.jdbcUrl().isEmpty()) {
            if (embedded == null) {
                throw new ConfigException("Cannot connect to the warehouse: warehouse.url is not set and no embedded warehouse was started");
            }
            return embedded(embedded);
        }
        return server(config, environment);
    }

    /** Connects to the embedded PostgreSQL. */
    public static WarehouseConnector embedded(EmbeddedWarehouse warehouse) {
        DataSource dataSource = warehouse.dataSource();
        return new WarehouseConnector(SqlDialect.POSTGRES, "embedded PostgreSQL in " + warehouse.dataDirectory(),
                dataSource::getConnection);
    }

    /** Connects to {@code config.url()}, reading the password from the process environment. */
    public static WarehouseConnector server(WarehouseConfig config) {
        return server(config, System::getenv);
    }

    /** Connects to {@code config.url()}, reading the password with {@code environment} (a variable name lookup). */
    public static WarehouseConnector server(WarehouseConfig config, Function<String, String> environment) {
        Objects.requireNonNull(config, "config is null");
        Objects.requireNonNull(environment, "environment is null");
        String url = config.jdbcUrl().orElseThrow(
                () -> new ConfigException("Cannot connect to a warehouse server: warehouse.url is not set"));
        String password = environment.apply(config.passwordEnv());
        if (password == null || password.isEmpty()) {
            throw new ConfigException("Cannot connect to the warehouse at " + url + ": environment variable "
                    + config.passwordEnv() + " (warehouse.passwordEnv) holding the password is not set");
        }
        SqlDialect dialect = SqlDialect.ofJdbcUrl(url);
        Properties properties = new Properties();
        properties.putAll(Map.of("user", config.user(), "password", password));
        return new WarehouseConnector(dialect, url + " as " + config.user(),
                () -> connect(dialect, url, properties));
    }

    @Override
    public Connection open() throws SQLException {
        return opener.open();
    }

    @Override
    public SqlDialect dialect() {
        return dialect;
    }

    @Override
    public String toString() {
        return dialect + " warehouse " + description;
    }

    private static Connection connect(SqlDialect dialect, String url, Properties properties) throws SQLException {
        Driver driver = switch (dialect) {
            case REDSHIFT -> new com.amazon.redshift.Driver();
            case POSTGRES -> new org.postgresql.Driver();
        };
        Connection connection = driver.connect(url, properties);
        if (connection == null) {
            throw new ConfigException("Cannot connect to the warehouse: the " + dialect + " driver does not accept " + url);
        }
        return connection;
    }

    @FunctionalInterface
    private interface ConnectionOpener {
        Connection open() throws SQLException;
    }
}
