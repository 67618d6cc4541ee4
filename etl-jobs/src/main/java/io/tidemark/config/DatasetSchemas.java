package io.tidemark.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The dataset schemas, {@code schemas/<dataset>.json}, read from the classpath (they ship in the jar). */
public final class DatasetSchemas {
    private static final Map<String, DatasetSchema> CACHE = new ConcurrentHashMap<>();

    private DatasetSchemas() {
    }

    public static DatasetSchema get(String dataset) {
        return CACHE.computeIfAbsent(dataset, DatasetSchemas::load);
    }

    private static DatasetSchema load(String dataset) {
        String resource = "/schemas/" + dataset + ".json";
        try (InputStream in = DatasetSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ConfigException("Cannot find schema for dataset '" + dataset + "': expected schemas/" + dataset + ".json");
            }
            DatasetSchema schema = new JsonConfigReader().read(in, "schemas/" + dataset + ".json", DatasetSchema.class);
            if (!schema.dataset().equals(dataset)) {
                throw new ConfigException("Cannot use schemas/" + dataset + ".json: its 'dataset' is '" + schema.dataset() + "'");
            }
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
