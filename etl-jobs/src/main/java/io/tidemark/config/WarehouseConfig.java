package io.tidemark.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

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
 * @param stagingUri   Redshift only: the S3 prefix ({@code s3://bucket/prefix} or {@code s3a://...}) where loads
 *                     stage Parquet files and their COPY manifest; one folder per load id under it
 * @param iamRole      Redshift only: ARN of the IAM role the cluster assumes to read {@code stagingUri}
 *                     ({@code COPY ... IAM_ROLE}); an identifier, not a secret
 */
public record WarehouseConfig(
        @JsonProperty("url") String url,
        @JsonProperty("user") String user,
        @JsonProperty("passwordEnv") String passwordEnv,
        @JsonProperty("schema") String schema,
        @JsonProperty("dimDateFrom") LocalDate dimDateFrom,
        @JsonProperty("dimDateTo") LocalDate dimDateTo,
        @JsonProperty("stagingUri") String stagingUri,
        @JsonProperty("iamRole") String iamRole) {

    public static final String DEFAULT_SCHEMA = "tidemark";
    private static final Pattern IAM_ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+");
    private static final Pattern STAGING_URI = Pattern.compile("(s3|s3a|s3n|file):/[^'\\s]*");

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
        if (iamRole != null && !IAM_ROLE_ARN.matcher(iamRole).matches()) {
            throw new ConfigException("warehouse.iamRole must be an IAM role ARN (arn:aws:iam::123456789012:role/name), got '"
                    + iamRole + "'");
        }
        if (stagingUri != null && !STAGING_URI.matcher(stagingUri).matches()) {
            throw new ConfigException("warehouse.stagingUri must be an s3://, s3a:// or file:/ URI without quotes or spaces, got '"
                    + stagingUri + "'");
        }
    }

    public static WarehouseConfig defaults() {
        return new WarehouseConfig(null, null, null, null, null, null, null, null);
    }

    /** The configured server, or empty for the embedded PostgreSQL. */
    public Optional<String> jdbcUrl() {
        return Optional.ofNullable(url);
    }

    public boolean isRedshift() {
        return url != null && url.startsWith("jdbc:redshift:");
    }

    /** The S3 staging prefix of Redshift loads, or empty when not configured. */
    public Optional<String> staging() {
        return Optional.ofNullable(stagingUri).map(uri -> uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri);
    }

    /** The IAM role ARN of Redshift COPY, or empty when not configured. */
    public Optional<String> copyRole() {
        return Optional.ofNullable(iamRole);
    }
}
