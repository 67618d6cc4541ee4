package io.tidemark.warehouse;

import io.tidemark.config.ConfigException;
import io.tidemark.config.WarehouseConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;

/**
 * Opens connections to the configured warehouse: the embedded PostgreSQL when the config names no server, otherwise
 * the server with credentials from Secrets Manager ({@code secretId}), IAM ({@code jdbc:redshift:iam://}) or the
 * environment variable named by {@code passwordEnv}. The password is never logged, printed or part of
 * {@link #toString()}. Every connection is opened from one {@link JdbcEndpoint}, which Spark tasks may carry to open
 * their own.
 */
public final class WarehouseConnector implements ConnectionSource {
    private final JdbcEndpoint endpoint;
    private final String description;

    private WarehouseConnector(JdbcEndpoint endpoint, String description) {
        this.endpoint = endpoint;
        this.description = description;
    }

    /** Connects to the configured server, or to {@code embedded} when the config names none. */
    public static WarehouseConnector of(WarehouseConfig config, EmbeddedWarehouse embedded,
                                        Function<String, String> environment) {
        Objects.requireNonNull(config, "config is null");
        if (!config.usesServer()) {
            if (embedded == null) {
                throw new ConfigException("Cannot connect to the warehouse: warehouse.url is not set and no embedded warehouse was started");
            }
            return embedded(embedded);
        }
        return server(config, environment);
    }

    /** Connects to the embedded PostgreSQL. */
    public static WarehouseConnector embedded(EmbeddedWarehouse warehouse) {
        return new WarehouseConnector(new JdbcEndpoint(warehouse.jdbcUrl(), new Properties()),
                "embedded PostgreSQL in " + warehouse.dataDirectory());
    }

    /** Connects to the configured server with the credentials of the process (environment, Secrets Manager, IAM). */
    public static WarehouseConnector server(WarehouseConfig config) {
        return server(config, System::getenv);
    }

    /** Connects to the configured server, reading a {@code passwordEnv} password with {@code environment}. */
    public static WarehouseConnector server(WarehouseConfig config, Function<String, String> environment) {
        return server(config, environment, SecretsManagerWarehouseSecrets::read);
    }

    /**
     * Connects to the configured server. Credentials, in this order: {@code jdbc:redshift:iam://} URLs use the
     * driver's IAM authentication with no password; {@code warehouse.secretId} gives user and password (and the
     * server when {@code url} is not set) through {@code secrets}; otherwise {@code user} and the password in the
     * environment variable {@code passwordEnv}. TLS with a verified certificate is required as
     * {@link WarehouseConfig#tlsRequired} says.
     */
    public static WarehouseConnector server(WarehouseConfig config, Function<String, String> environment,
                                            Function<WarehouseConfig, WarehouseSecret> secrets) {
        Objects.requireNonNull(config, "config is null");
        Objects.requireNonNull(environment, "environment is null");
        Objects.requireNonNull(secrets, "secrets is null");
        Properties properties = new Properties();
        String url;
        String user;
        if (config.secret().isPresent()) {
            WarehouseSecret secret = secrets.apply(config);
            url = config.jdbcUrl().or(secret::jdbcUrl).orElseThrow(() -> new ConfigException("Cannot connect to the warehouse:"
                    + " warehouse.url is not set and the secret " + config.secret().get() + " has no host"));
            user = secret.username();
            properties.put("password", secret.password());
        } else {
            url = config.jdbcUrl().orElseThrow(
                    () -> new ConfigException("Cannot connect to a warehouse server: warehouse.url is not set"));
            user = config.user();
            if (!config.usesIamAuthentication()) {
                String password = environment.apply(config.passwordEnv());
                if (password == null || password.isEmpty()) {
                    throw new ConfigException("Cannot connect to the warehouse at " + url + ": environment variable "
                            + config.passwordEnv() + " (warehouse.passwordEnv) holding the password is not set"
                            + " (or use warehouse.secretId, or a jdbc:redshift:iam:// URL)");
                }
                properties.put("password", password);
            }
        }
        SqlDialect dialect = SqlDialect.ofJdbcUrl(url);
        if (config.usesIamAuthentication()) {
            properties.put("DbUser", user); // the driver gets temporary credentials for this database user
        } else {
            properties.put("user", user);
        }
        tls(properties, dialect, config.tlsRequired(dialect == SqlDialect.REDSHIFT));
        JdbcEndpoint endpoint = new JdbcEndpoint(url, properties);
        return new WarehouseConnector(endpoint, endpoint.toString());
    }

    /** Verified TLS when required; the Redshift driver's own default (TLS) is switched off only when the config says so. */
    private static void tls(Properties properties, SqlDialect dialect, boolean required) {
        switch (dialect) {
            case REDSHIFT -> {
                properties.put("ssl", Boolean.toString(required));
                if (required) {
                    properties.put("sslmode", "verify-full");
                }
            }
            case POSTGRES -> {
                if (required) {
                    properties.put("ssl", "true");
                    properties.put("sslmode", "verify-full");
                }
            }
        }
    }

    @Override
    public Connection open() throws SQLException {
        return endpoint.connect();
    }

    @Override
    public SqlDialect dialect() {
        return endpoint.dialect();
    }

    /** Where connections go, for Spark tasks that open their own (it holds the password: never log it). */
    public JdbcEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public String toString() {
        return dialect() + " warehouse " + description;
    }
}
