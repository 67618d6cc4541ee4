package io.tidemark.testing;

import io.tidemark.config.RuntimeConfig;
import io.tidemark.config.SparkConfig;
import io.tidemark.jobs.SparkSessions;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** The one SparkSession of a test class: local[2], UI off, 2 shuffle partitions, Hive on a Derby metastore in the workdir. */
public final class LocalSpark {
    private LocalSpark() {
    }

    /** The runtime config of a test workdir: lake and landing under it. */
    public static RuntimeConfig config(Path workdir) {
        return new RuntimeConfig(null, null, null, null,
                new SparkConfig("local[2]", Map.of("spark.sql.shuffle.partitions", "2", "spark.ui.enabled", "false")))
                .resolveAgainst(workdir);
    }

    public static SparkSession start(Path workdir) {
        return SparkSessions.create(config(workdir), workdir);
    }
}
