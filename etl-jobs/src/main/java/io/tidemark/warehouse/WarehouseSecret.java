package io.tidemark.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.config.ConfigException;
import java.io.IOException;
import java.util.Optional;

/**
 * Warehouse credentials as AWS Secrets Manager keeps them for Redshift (and RDS): {@code username},
 * {@code password}, and optionally {@code engine} ({@code redshift}, {@code postgres}), {@code host}, {@code port},
 * {@code dbname}. {@link #toString()} never shows the password.
 */
public record WarehouseSecret(String username, String password, String engine, String host, Integer port, String dbname) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Parses a secret string; an error names the secret and the missing key, never the content (parser messages,
     * which quote the text, are not passed on).
     */
    public static WarehouseSecret parse(String secretId, String secretString) {
        JsonNode node;
        try {
            node = secretString == null ? null : JSON.readTree(secretString);
        } catch (IOException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw new ConfigException("Cannot use warehouse.secretId '" + secretId + "': the secret is not a JSON object with"
                    + " username and password (the shape of Redshift's own secrets)");
        }
        return new WarehouseSecret(required(node, "username", secretId), required(node, "password", secretId),
                optional(node, "engine"), optional(node, "host"),
                node.hasNonNull("port") ? Integer.valueOf(node.get("port").asText()) : null, optional(node, "dbname"));
    }

    /**
     * The JDBC URL the secret describes, when it names a host: {@code jdbc:postgresql://} for engine
     * {@code postgres}, {@code jdbc:redshift://} otherwise (port 5439 and database {@code dev} by default).
     */
    public Optional<String> jdbcUrl() {
        if (host == null) {
            return Optional.empty();
        }
        boolean postgres = "postgres".equalsIgnoreCase(engine) || "postgresql".equalsIgnoreCase(engine);
        return Optional.of((postgres ? "jdbc:postgresql://" : "jdbc:redshift://") + host + ":"
                + (port == null ? (postgres ? 5432 : 5439) : port) + "/" + (dbname == null ? (postgres ? "postgres" : "dev") : dbname));
    }

    @Override
    public String toString() {
        return "WarehouseSecret[username=" + username + ", password=***, host=" + host + "]";
    }

    private static String required(JsonNode node, String key, String secretId) {
        String value = optional(node, key);
        if (value == null || value.isEmpty()) {
            throw new ConfigException("Cannot use warehouse.secretId '" + secretId + "': the secret has no '" + key + "'");
        }
        return value;
    }

    private static String optional(JsonNode node, String key) {
        return node.hasNonNull(key) ? node.get(key).asText() : null;
    }
}
