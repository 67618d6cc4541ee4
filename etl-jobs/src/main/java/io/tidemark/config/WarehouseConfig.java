package io.tidemark.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Where the star schema is loaded.
 *
 * @param url          JDBC URL ({@code jdbc:redshift://...} or {@code jdbc:postgresql://...}); absent means
 *                     the embedded PostgreSQL kept in the workdir
 * @param user         database user (ignored for the embedded default)
 * @param passwordEnv  name of the environment variable holding the password; the password itself is never
 *                     in a config file
 * @param schema       warehouse schema name (validated as an SQL identifier)
 * @param dimDateFrom  first day of {@code dim_date}
 * @param dimDateTo    last day of {@code dim_date}
 */
public record WarehouseConfig(
        @JsonProperty("url") String url,
        @JsonProperty("user") String user,
        @JsonProperty("passwordEnv") String passwordEnv,
        @JsonProperty("schema") String schema,
        @JsonProperty("dimDateFrom") LocalDate dimDateFrom,
        @JsonProperty("dimDateTo") LocalDate dimDateTo) {

    public static final String DEFAULT_SCHEMA = "tidemark";

    public WarehouseConfig {
        user = user == null ? "tidemark" : user;
        passwordEnv = passwordEnv == null ? "TIDEMARK_WAREHOUSE_PASSWORD" : passwordEnv;
        schema = SqlIdentifier.require(schema == null ? DEFAULT_SCHEMA : schema, "warehouse.schema");
        dimDateFrom = dimDateFrom == null ? LocalDate.of(2020, 1, 1) : dimDateFrom;
        dimDateTo = dimDateTo == null ? LocalDate.of(2030, 12, 31) : dimDateTo;
        if (dimDateTo.isBefore(dimDateFrom)) {
            throw new ConfigException("warehouse.dimDateTo (" + dimDateTo + ") must not be before warehouse.dimDateFrom (" + dimDateFrom + ")");
        }
        if (url != null && !(url.startsWith("jdbc:redshift:") || url.startsWith("jdbc:postgresql:"))) {
            throw new ConfigException("warehouse.url must start with jdbc:redshift: or jdbc:postgresql:, got '" + url + "'");
        }
    }

    public static WarehouseConfig defaults() {
        return new WarehouseConfig(null, null, null, null, null, null);
    }

    /** The configured server, or empty for the embedded PostgreSQL. */
    public Optional<String> jdbcUrl() {
        return Optional.ofNullable(url);
    }

    public boolean isRedshift() {
        return url != null && url.startsWith("jdbc:redshift:");
    }
}
