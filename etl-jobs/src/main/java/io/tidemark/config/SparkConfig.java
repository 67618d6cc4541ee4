package io.tidemark.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Spark settings for local runs. Under {@code spark-submit} the master and the settings given there win.
 *
 * @param master master URL used when none was given by spark-submit (default {@code local[*]})
 * @param conf   extra Spark settings, applied as given
 */
public record SparkConfig(@JsonProperty("master") String master, @JsonProperty("conf") Map<String, String> conf) {
    public SparkConfig {
        master = master == null ? "local[*]" : master;
        conf = conf == null ? Map.of() : Map.copyOf(conf);
    }

    public static SparkConfig defaults() {
        return new SparkConfig(null, null);
    }
}
