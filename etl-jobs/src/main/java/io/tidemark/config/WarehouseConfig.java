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
 * @param secretId     optional: name or ARN of an AWS Secrets Manager secret in the JSON shape of Redshift's own
 *                     secrets ({@code username}, {@code password}, optional {@code engine}, {@code host},
 *                     {@code port}, {@code dbname}); replaces {@code user} and {@code passwordEnv}, and gives the
 *                     server when {@code url} is not set
 * @param secretRegion optional: the region of the secret (default: the AWS SDK's region chain, e.g. {@code AWS_REGION})
 * @param secretEndpoint optional: an endpoint replacing the region's Secrets Manager endpoint (a VPC interface
 *                     endpoint; {@code http://} for local tests)
 * @param requireTls   whether connections must use TLS with a verified server certificate; default {@code true}
 *                     for Redshift and {@code false} for PostgreSQL
 */
public record WarehouseConfig(
        @JsonProperty("url") String url,
        @JsonProperty("user") String user,
        @JsonProperty("passwordEnv") String passwordEnv,
        @JsonProperty("schema") String schema,
        @JsonProperty("dimDateFrom") LocalDate dimDateFrom,
        @JsonProperty("dimDateTo") LocalDate dimDateTo,
        @JsonProperty("stagingUri") String stagingUri,
        @JsonProperty("iamRole") String iamRole,
        @JsonProperty("secretId") String secretId,
        @JsonProperty("secretRegion") String secretRegion,
        @JsonProperty("secretEndpoint") String secretEndpoint,
        @JsonProperty("requireTls") Boolean requireTls) {

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
        if (secretId != null && url != null && url.startsWith(REDSHIFT_IAM)) {
            throw new ConfigException("Cannot use warehouse.secretId with a jdbc:redshift:iam:// URL: IAM authentication"
                    + " needs no password; remove one of them");
        }
        if (secretId != null && (secretId.isBlank() || secretId.chars().anyMatch(Character::isWhitespace))) {
            throw new ConfigException("warehouse.secretId must be a secret name or ARN without spaces, got '" + secretId + "'");
        }
        if (secretRegion != null && !secretRegion.matches("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}")) {
            throw new ConfigException("warehouse.secretRegion must be an AWS region name such as \"eu-west-1\", got '"
                    + secretRegion + "'");
        }
        if (secretEndpoint != null && !secretEndpoint.matches("https?://[^/@\\s]+(/[^@\\s]*)?")) {
            throw new ConfigException("warehouse.secretEndpoint must be an https:// (or, for local tests, http://) URL"
                    + " without credentials");
        }
        if (stagingUri != null && !STAGING_URI.matcher(stagingUri).matches()) {
            throw new ConfigException("warehouse.stagingUri must be an s3://, s3a:// or file:/ URI without quotes or spaces, got '"
                    + stagingUri + "'");
        }
    }

    public WarehouseConfig(String url, String user, String passwordEnv, String schema, LocalDate dimDateFrom,
                           LocalDate dimDateTo, String stagingUri, String iamRole) {
        this(url, user, passwordEnv, schema, dimDateFrom, dimDateTo, stagingUri, iamRole, null, null, null, null);
    }

    public static WarehouseConfig defaults() {
        return new WarehouseConfig(null, null, null, null, null, null, null, null);
    }

    /** Whether a server is configured (by {@code url} or by the secret's host), rather than the embedded PostgreSQL. */
    public boolean usesServer() {
        return url != null || secretId != null;
    }

    /** The Secrets Manager secret holding the credentials, if configured. */
    public Optional<String> secret() {
        return Optional.ofNullable(secretId);
    }

    /** {@code jdbc:redshift:iam://}: the driver authenticates with IAM (temporary credentials), no password at all. */
    public boolean usesIamAuthentication() {
        return url != null && url.startsWith(REDSHIFT_IAM);
    }

    /** Whether connections to a server of this dialect must use verified TLS. */
    public boolean tlsRequired(boolean redshift) {
        return requireTls == null ? redshift : requireTls;
    }

    /** The Secrets Manager endpoint replacing the region's, if configured. */
    public Optional<java.net.URI> secretsEndpoint() {
        return Optional.ofNullable(secretEndpoint).map(java.net.URI::create);
    }

    private static final String REDSHIFT_IAM = "jdbc:redshift:iam:";

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
