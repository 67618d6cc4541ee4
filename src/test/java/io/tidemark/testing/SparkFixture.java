package io.tidemark.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one SparkSession of a test class ({@link LocalSpark}) in a workdir of its own, started before the class and
 * stopped (the workdir deleted) after it: {@code @RegisterExtension static final SparkFixture spark = new SparkFixture()}.
 */
public final class SparkFixture implements BeforeAllCallback, AfterAllCallback {
    private Path workdir;
    private SparkSession session;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        workdir = Files.createTempDirectory("tidemark-spark-");
        session = LocalSpark.start(workdir);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (session != null) {
                session.stop();
            }
        } finally {
            FileUtils.deleteDirectory(workdir.toFile());
        }
    }

    public SparkSession session() {
        return session;
    }

    /** The class's workdir: the Derby metastore and the Spark warehouse live here; tests may write below it. */
    public Path workdir() {
        return workdir;
    }
}
