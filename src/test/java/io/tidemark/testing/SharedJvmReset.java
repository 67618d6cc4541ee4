package io.tidemark.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hive.metastore.HiveMetaStore;
import org.apache.hadoop.hive.ql.metadata.Hive;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Test classes run one after another in a reused test JVM (surefire {@code reuseForks}), so each class starts
 * a second or third SparkSession in a process that already ran one. Before every class this resets what a
 * previous class leaves behind in the process, registered for every class through JUnit's extension
 * auto-detection ({@code junit-platform.properties}):
 * <ul>
 *   <li>a SparkSession still active or default: {@code getOrCreate} would hand it, with the previous class's
 *       workdir and metastore, to the next class;</li>
 *   <li>the embedded Hive metastore's per-thread state: {@link Hive} (with its metastore client) and the
 *       metastore's RawStore are thread-locals of the calling thread (JUnit's main thread). Left in place, the
 *       main thread keeps talking to the previous class's Derby metastore while threads the new class starts
 *       use its own: {@code BackfillTest} after {@code BackDatedAuroraSalesTest} then found no table its
 *       parallel windows had published;</li>
 *   <li>Hadoop's FileSystem cache: an {@code s3a://} FileSystem cached for a bucket keeps the endpoint of the
 *       previous class's emulator.</li>
 * </ul>
 */
public final class SharedJvmReset implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        if (SparkSession.getActiveSession().isDefined()) {
            SparkSession.getActiveSession().get().stop();
        }
        if (SparkSession.getDefaultSession().isDefined()) {
            SparkSession.getDefaultSession().get().stop();
        }
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
        Hive.closeCurrent();
        HiveMetaStore.HMSHandler.removeRawStore();
        try {
            FileSystem.closeAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
