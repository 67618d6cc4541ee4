package io.tidemark.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where curated and quarantine tables are registered.
 *
 * @param kind               {@code hive} (default): Spark's Hive metastore client (embedded Derby locally; the AWS
 *                           Glue Data Catalog on EMR and Glue when their catalog integration is on);
 *                           {@code glue}: the AWS Glue Data Catalog through the AWS SDK, for Spark runtimes without
 *                           that integration (Spark SQL then does not know the tables by name)
 * @param curatedDatabase    database of the curated tables
 * @param quarantineDatabase database of the quarantine tables
 * @param metastore          {@code embedded}: a Derby-backed metastore in the workdir (laptop default);
 *                           {@code cluster}: whatever the cluster configures (the Glue Data Catalog on EMR and Glue)
 * @param region             kind {@code glue} only, required: the AWS region of the Data Catalog ({@code eu-west-1})
 * @param endpoint           kind {@code glue} only, optional: an {@code https://} endpoint that replaces the
 *                           region's (a VPC interface endpoint; {@code http://} for local tests)
 * @param catalogId          kind {@code glue} only, optional: the 12-digit account id that owns the catalog
 *                           (default: the caller's account)
 */
public record CatalogConfig(
        @JsonProperty("kind") Kind kind,
        @JsonProperty("curatedDatabase") String curatedDatabase,
        @JsonProperty("quarantineDatabase") String quarantineDatabase,
        @JsonProperty("metastore") Metastore metastore,
        @JsonProperty("region") String region,
        @JsonProperty("endpoint") String endpoint,
        @JsonProperty("catalogId") String catalogId) {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

    public enum Kind {
        @JsonProperty("hive") HIVE,
        @JsonProperty("glue") GLUE
    }

    public enum Metastore {
        @JsonProperty("embedded") EMBEDDED,
        @JsonProperty("cluster") CLUSTER
    }

    public CatalogConfig {
        metastore = metastore == null ? Metastore.EMBEDDED : metastore;
        kind = kind == null ? Kind.HIVE : kind;
        curatedDatabase = SqlIdentifier.require(curatedDatabase == null ? "curated" : curatedDatabase, "catalog.curatedDatabase");
        quarantineDatabase = SqlIdentifier.require(
                quarantineDatabase == null ? "quarantine" : quarantineDatabase, "catalog.quarantineDatabase");
        if (kind == Kind.GLUE) {
            requireRegion(region);
            requireEndpoint(endpoint);
            requireCatalogId(catalogId);
        } else {
            glueOnly("region", region);
            glueOnly("endpoint", endpoint);
            glueOnly("catalogId", catalogId);
        }
    }

    public CatalogConfig(Kind kind, String curatedDatabase, String quarantineDatabase, Metastore metastore) {
        this(kind, curatedDatabase, quarantineDatabase, metastore, null, null, null);
    }

    public static CatalogConfig defaults() {
        return new CatalogConfig(null, null, null, null);
    }

    /** The endpoint that replaces the region's, if configured. */
    public Optional<URI> endpointOverride() {
        return Optional.ofNullable(endpoint).map(URI::create);
    }

    public Optional<String> glueCatalogId() {
        return Optional.ofNullable(catalogId);
    }

    private static void requireRegion(String region) {
        if (region == null) {
            throw new ConfigException("Cannot use catalog.kind = glue without catalog.region: set it to the AWS region"
                    + " of the Data Catalog, e.g. \"eu-west-1\"");
        }
        if (!REGION.matcher(region).matches()) {
            throw new ConfigException("Cannot use catalog.region = '" + region + "': expected an AWS region name such as"
                    + " \"eu-west-1\" or \"us-gov-west-1\"");
        }
    }

    private static void requireEndpoint(String endpoint) {
        if (endpoint == null) {
            return;
        }
        String problem;
        try {
            URI uri = new URI(endpoint);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                problem = "expected an https:// (or, for local tests, http://) URL";
            } else if (uri.getHost() == null) {
                problem = "the URL has no host";
            } else if (uri.getRawUserInfo() != null) {
                problem = "credentials never go in the config (the AWS SDK's default credential chain supplies them)";
            } else {
                return;
            }
        } catch (URISyntaxException e) {
            problem = "not a URL: " + e.getReason();
        }
        throw new ConfigException("Cannot use catalog.endpoint = '" + endpoint.replaceAll("//[^/@]*@", "//***@") + "': " + problem);
    }

    private static void requireCatalogId(String catalogId) {
        if (catalogId != null && !ACCOUNT_ID.matcher(catalogId).matches()) {
            throw new ConfigException("Cannot use catalog.catalogId = '" + catalogId
                    + "': expected the 12-digit AWS account id that owns the Data Catalog");
        }
    }

    private static void glueOnly(String key, String value) {
        if (value != null) {
            throw new ConfigException("Cannot use catalog." + key + " with catalog.kind = hive: it is a setting of"
                    + " catalog.kind = glue (the Hive metastore client takes its settings from the cluster)");
        }
    }
}
