package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.config.CatalogConfig;
import io.tidemark.config.ConfigException;
import io.tidemark.config.RuntimeConfig;
import io.tidemark.jobs.TidemarkRuntime;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sql --lake} needs Spark SQL to know the tables by name, which catalog kind {@code glue} (the Glue Data
 * Catalog through the SDK) cannot give: it fails at once, before starting Spark or calling AWS, naming the setting.
 */
class LakeQueryWithGlueCatalogTest {
    @Test
    void lakeQueriesFailWithAMessageNamingTheSetting(@TempDir Path workdir) {
        RuntimeConfig config = new RuntimeConfig(null, null,
                new CatalogConfig(CatalogConfig.Kind.GLUE, null, null, null, "eu-west-1", "http://127.0.0.1:9", null), null, null);
        try (TidemarkRuntime runtime = new TidemarkRuntime(workdir, config)) {
            QueryRunner queries = new QueryRunner(runtime);
            assertThatThrownBy(() -> queries.lake("SELECT count(*) FROM app_logs"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("catalog.kind = glue")
                    .hasMessageContaining("catalog.kind = hive")
                    .hasMessageContaining("Athena");
            assertThatThrownBy(queries::lakeSummary).isInstanceOf(ConfigException.class).hasMessageContaining("catalog.kind");
            assertThatThrownBy(queries::quarantineSummary).isInstanceOf(ConfigException.class).hasMessageContaining("catalog.kind");
        }
    }
}
