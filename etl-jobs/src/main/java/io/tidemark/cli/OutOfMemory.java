package io.tidemark.cli;

/**
 * Recognises a run that failed for lack of memory: an {@link OutOfMemoryError} in this thread, or a Spark job
 * aborted because a task ran out of memory (Spark reports the task's error in the message of its exception, and
 * does not kill the JVM: {@code spark.executor.killOnFatalError.depth} is 0, see SparkSessions).
 */
final class OutOfMemory {
    private static final int MAX_CAUSES = 16;

    private OutOfMemory() {
    }

    static boolean causes(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_CAUSES; depth++, current = current.getCause()) {
            if (current instanceof OutOfMemoryError
                    || (current.getMessage() != null && current.getMessage().contains("java.lang.OutOfMemoryError"))) {
                return true;
            }
        }
        return false;
    }

    static String message() {
        Runtime runtime = Runtime.getRuntime();
        return "Out of memory (java.lang.OutOfMemoryError) with a maximum heap of " + runtime.maxMemory() / (1 << 20)
                + " MB: give the JVM more heap (TIDEMARK_JAVA_OPTS=-Xmx<size> for ./tidemark, spark.driver.memory /"
                + " spark.executor.memory under spark-submit), or fewer cores per executor (spark.master local[N])";
    }
}
