package io.tidemark.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Measures one phase of a benchmark in this JVM: wall time, process CPU time, peak heap (the most heap in use at one
 * time, {@link HeapHighWater}), what Spark's tasks spilled and shuffled, and how many Spark jobs ran (from a listener
 * on the context). Phases must run one after the other.
 */
public final class PhaseMeter {
    private final SparkContext context;
    private final AtomicLong spilled = new AtomicLong();
    private final AtomicLong shuffled = new AtomicLong();
    private final AtomicLong jobs = new AtomicLong();

    /** What one phase cost. */
    public record Cost(long millis, double cpuSeconds, long peakHeapBytes, long spilledBytes, long shuffleBytes, long sparkJobs) {
    }

    /** A phase's value and its cost. */
    public record Measured<T>(T value, Cost cost) {
    }

    PhaseMeter(SparkContext context) {
        this.context = context;
        context.addSparkListener(new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart start) {
                jobs.incrementAndGet();
            }

            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskMetrics() != null) {
                    spilled.addAndGet(end.taskMetrics().diskBytesSpilled());
                    shuffled.addAndGet(end.taskMetrics().shuffleWriteMetrics().bytesWritten());
                }
            }
        });
    }

    <T> Measured<T> measure(Callable<T> phase) throws Exception {
        System.gc();
        long spilledBefore = spilled.get();
        long shuffledBefore = shuffled.get();
        long jobsBefore = jobs.get();
        try (HeapHighWater heap = new HeapHighWater()) {
            double cpuBefore = cpuSeconds();
            long started = System.nanoTime();
            T value = phase.call();
            long millis = (System.nanoTime() - started) / 1_000_000;
            double cpu = cpuSeconds() - cpuBefore;
            context.listenerBus().waitUntilEmpty();
            return new Measured<>(value, new Cost(millis, cpu, heap.peakBytes(), spilled.get() - spilledBefore,
                    shuffled.get() - shuffledBefore, jobs.get() - jobsBefore));
        }
    }

    private static double cpuSeconds() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }
}
