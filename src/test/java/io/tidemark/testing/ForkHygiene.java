package io.tidemark.testing;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs after every test class (registered for all classes through {@code META-INF/services}, switched on in
 * {@code junit-platform.properties}) so that classes can share one reused surefire fork: it stops a SparkSession a
 * class left running, so the next class's {@code getOrCreate()} builds its own instead of silently reusing another
 * workdir's metastore, and empties Hadoop's FileSystem cache, whose entries are keyed by scheme and bucket and
 * would otherwise keep an earlier class's emulator endpoint.
 */
public final class ForkHygiene implements AfterAllCallback {
    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        SparkSession.getDefaultSession().foreach(session -> {
            session.stop();
            return null;
        });
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
        FileSystem.closeAll();
    }
}
