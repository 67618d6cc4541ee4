package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.ErrorCode;
import io.tidemark.ops.RunResult;
import org.junit.jupiter.api.Test;

/**
 * A run that runs out of memory ends like any failed run: a result line naming the cause and what to change, and
 * exit code 1 (issue 12: it died with exit code 52 and no result line).
 */
class OutOfMemoryFailureTest {

    @Test
    void aSparkJobAbortedByATaskOutOfMemoryNamesTheCause() {
        Exception aborted = new IllegalStateException("Job aborted due to stage failure: Task 0 in stage 1.0 failed 1 times,"
                + " most recent failure: Lost task 0.0 (TID 3): java.lang.OutOfMemoryError: Java heap space");

        RunResult result = ResultCommand.failureOf(new RuntimeException("curate failed", aborted), "dms-sales", "2026-11-24", 0);

        assertThat(result.error().code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(result.error().message()).startsWith("Out of memory").contains("TIDEMARK_JAVA_OPTS=-Xmx");
        assertThat(ResultCommand.exitCode(result)).isEqualTo(1);
    }

    @Test
    void anOutOfMemoryErrorOfTheDriverNamesTheCause() {
        RunResult result = ResultCommand.outOfMemory(new OutOfMemoryError("Java heap space"), "dms-sales", "2026-11-24", 0);

        assertThat(result.error().message()).startsWith("Out of memory");
        assertThat(ResultCommand.exitCode(result)).isEqualTo(1);
    }

    @Test
    void otherFailuresAreNotTakenForMemory() {
        RunResult result = ResultCommand.failureOf(new IllegalStateException("disk full"), "dms-sales", "2026-11-24", 0);

        assertThat(result.error().message()).doesNotContain("Out of memory");
    }
}
