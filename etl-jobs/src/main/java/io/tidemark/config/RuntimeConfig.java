package io.tidemark.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.nio.file.Path;

/**
 * The runtime a job runs against: storage roots, catalog, warehouse, Spark. Parsed from the {@code --config}
 * file; every part has an embedded default so that no file is needed on a laptop.
 *
 * @param landingRoot where Firehose lands objects ({@code s3://bucket/}, {@code s3a://...} or a folder);
 *                    default {@code <workdir>/landing}
 * @param lakeRoot    root of the curated lake, quarantine and Tidemark's own state; default {@code <workdir>/lake}
 * @param leases      the table leases that keep overlapping runs apart ({@link LeaseConfig})
 * @param quality     where the data quality rulesets come from; default the ones shipped in the jar
 */
public record RuntimeConfig(
        @JsonProperty("landingRoot") String landingRoot,
        @JsonProperty("lakeRoot") String lakeRoot,
        @JsonProperty("catalog") CatalogConfig catalog,
        @JsonProperty("warehouse") WarehouseConfig warehouse,
        @JsonProperty("spark") SparkConfig spark,
        @JsonProperty("leases") LeaseConfig leases,
        @JsonProperty("quality") QualityConfig quality) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public RuntimeConfig {
        catalog = catalog == null ? CatalogConfig.defaults() : catalog;
        warehouse = warehouse == null ? WarehouseConfig.defaults() : warehouse;
        spark = spark == null ? SparkConfig.defaults() : spark;
        leases = leases == null ? LeaseConfig.defaults() : leases;
        quality = quality == null ? QualityConfig.defaults() : quality;
    }

    public RuntimeConfig(String landingRoot, String lakeRoot, CatalogConfig catalog, WarehouseConfig warehouse, SparkConfig spark) {
        this(landingRoot, lakeRoot, catalog, warehouse, spark, null, null);
    }

    public static RuntimeConfig defaults() {
        return new RuntimeConfig(null, null, null, null, null, null, null);
    }

    /** Fills the storage roots left unset with folders under the workdir. */
    public RuntimeConfig resolveAgainst(Path workdir) {
        return new RuntimeConfig(
                landingRoot == null ? uriOf(workdir.resolve("landing")) : trimSlash(landingRoot),
                lakeRoot == null ? uriOf(workdir.resolve("lake")) : trimSlash(lakeRoot),
                catalog, warehouse, spark, leases, quality);
    }

    public RuntimeConfig withLandingRoot(String newLandingRoot) {
        return new RuntimeConfig(trimSlash(newLandingRoot), lakeRoot, catalog, warehouse, spark, leases, quality);
    }

    /** The same runtime with one more Spark setting (a setting given in the config file wins). */
    public RuntimeConfig withSparkSetting(String key, String value) {
        java.util.Map<String, String> conf = new java.util.HashMap<>(spark.conf());
        conf.putIfAbsent(key, value);
        return new RuntimeConfig(landingRoot, lakeRoot, catalog, warehouse, new SparkConfig(spark.master(), conf), leases, quality);
    }

    private static String uriOf(Path path) {
        return trimSlash(path.toAbsolutePath().normalize().toUri().toString());
    }

    private static String trimSlash(String uri) {
        String value = URI.create(uri.replace(" ", "%20")).toString().replace("%20", " ");
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
