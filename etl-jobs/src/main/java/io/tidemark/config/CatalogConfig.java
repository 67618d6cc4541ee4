package io.tidemark.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where curated and quarantine tables are registered.
 *
 * @param kind               {@code hive}: Spark's Hive metastore client (embedded Derby locally; the AWS Glue
 *                           Data Catalog on EMR and Glue when their catalog integration is on)
 * @param curatedDatabase    database of the curated tables
 * @param quarantineDatabase database of the quarantine tables
 * @param metastore          {@code embedded}: a Derby-backed metastore in the workdir (laptop default);
 *                           {@code cluster}: whatever the cluster configures (the Glue Data Catalog on EMR and Glue)
 */
public record CatalogConfig(
        @JsonProperty("kind") Kind kind,
        @JsonProperty("curatedDatabase") String curatedDatabase,
        @JsonProperty("quarantineDatabase") String quarantineDatabase,
        @JsonProperty("metastore") Metastore metastore) {

    public enum Kind {
        @JsonProperty("hive") HIVE
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
    }

    public static CatalogConfig defaults() {
        return new CatalogConfig(null, null, null, null);
    }
}
