package io.tidemark.warehouse;

import io.tidemark.config.ConfigException;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * Where and as whom to connect to the warehouse: the JDBC URL and the driver properties (user, password or IAM
 * database user, TLS). Serializable, so Spark tasks on executors can open their own connections (the parallel COPY
 * on PostgreSQL); it then travels inside task closures, like Spark's own {@code write().jdbc()} properties, and is
 * never logged: {@link #toString()} shows the URL and the user, never the password.
 *
 * <p>The driver is chosen by the URL, not by {@code DriverManager}: the Redshift driver also accepts some
 * PostgreSQL URLs, so {@code jdbc:redshift:} goes to the Redshift driver and everything else to pgjdbc.
 */
public final class JdbcEndpoint implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String url;
    private final Properties properties;

    public JdbcEndpoint(String url, Properties properties) {
        this.url = Objects.requireNonNull(url, "url is null");
        this.properties = new Properties();
        this.properties.putAll(Objects.requireNonNull(properties, "properties is null"));
    }

    public SqlDialect dialect() {
        return SqlDialect.ofJdbcUrl(url);
    }

    /** A new connection; the caller closes it. */
    public Connection connect() throws SQLException {
        Driver driver = switch (dialect()) {
            case REDSHIFT -> new com.amazon.redshift.Driver();
            case POSTGRES -> new org.postgresql.Driver();
        };
        Connection connection = driver.connect(url, properties);
        if (connection == null) {
            throw new ConfigException("Cannot connect to the warehouse: the " + dialect() + " driver does not accept " + url);
        }
        return connection;
    }

    /** The URL and the user (or IAM database user); never the password. */
    @Override
    public String toString() {
        Object user = properties.getOrDefault("user", properties.get("DbUser"));
        return user == null ? url : url + " as " + user;
    }
}
