package io.tidemark.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.testing.StandaloneSparkCluster;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * {@link AwsPathOnMotoScenario} on a Spark standalone cluster started from the project's own jars (a master and a
 * worker on loopback, two one-core executor JVMs), the test JVM as the driver in client mode: the same figures as
 * on {@code local[2]}, so no step relies on state that lives only in the driver (a static cache, a local path,
 * a closure that does not serialize, Hadoop settings that stay in the driver). The last test checks that both
 * executor JVMs ran tasks of the scenario.
 */
class AwsPathOnStandaloneClusterEndToEndTest extends AwsPathOnMotoScenario {
    private StandaloneSparkCluster cluster;
    private final TasksByExecutor tasks = new TasksByExecutor();

    @Override
    protected String sparkMaster(Path workdir) {
        cluster = StandaloneSparkCluster.start(workdir);
        return cluster.masterUrl();
    }

    @Override
    protected Map<String, String> sparkSettings() {
        return cluster.sparkSettings();
    }

    @Override
    protected void stopSparkMaster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Runs after the scenario's session is up (superclass {@code @BeforeAll} first) and before any job. */
    @BeforeAll
    void countTasksByExecutor() {
        spark().sparkContext().addSparkListener(tasks);
    }

    @Test
    @Order(100)
    void twoExecutorJvmsRanTheScenario() {
        assertThat(tasks.failures()).as("tasks that failed on an executor (a class, a setting or a file only the driver has)").isEmpty();
        assertThat(tasks.succeeded()).as("successful tasks of the scenario by executor id")
                .hasSize(StandaloneSparkCluster.EXECUTORS).doesNotContainKey("driver")
                .allSatisfy((executor, count) -> assertThat(count.get()).isPositive());

        List<String> jvms = spark().range(0, 16, 1, 16)
                .map((MapFunction<Long, String>) i -> SparkEnv.get().executorId() + "@" + ProcessHandle.current().pid(), Encoders.STRING())
                .distinct().collectAsList();
        assertThat(jvms).as("executor@pid of the tasks").hasSize(StandaloneSparkCluster.EXECUTORS)
                .noneMatch(jvm -> jvm.endsWith("@" + ProcessHandle.current().pid()));
    }

    /** Counts successful tasks per executor id and keeps why any task failed. */
    private static final class TasksByExecutor extends SparkListener {
        private final Map<String, AtomicLong> succeeded = new ConcurrentHashMap<>();
        private final List<String> failures = new CopyOnWriteArrayList<>();

        @Override
        public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
            if (taskEnd.taskInfo().successful()) {
                succeeded.computeIfAbsent(taskEnd.taskInfo().executorId(), id -> new AtomicLong()).incrementAndGet();
            } else if (taskEnd.reason() instanceof TaskFailedReason failed) {
                failures.add("executor " + taskEnd.taskInfo().executorId() + ": " + failed.toErrorString());
            }
        }

        List<String> failures() {
            return List.copyOf(failures);
        }

        Map<String, AtomicLong> succeeded() {
            return Map.copyOf(succeeded);
        }
    }
}
