package io.tidemark.cli;

import io.tidemark.config.RuntimeConfig;
import io.tidemark.ops.RunRecordStore;
import io.tidemark.ops.RunResult;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;

/**
 * Writes a finished command's result (and its per-window results) to the lake's {@code _tidemark/runs/}. A record
 * that cannot be written is reported on stderr and changes neither the result line nor the exit code: the run
 * itself is done by then.
 */
final class RunRecorder {
    private RunRecorder() {
    }

    static void record(CommonOptions common, String command, RunResult result, List<RunResult> windows, PrintStream log) {
        RuntimeConfig config;
        try {
            config = common.runtimeConfig().resolveAgainst(common.workdir().toAbsolutePath().normalize());
        } catch (RuntimeException e) {
            log.println("tidemark: run not recorded: the runtime config cannot be read");
            return;
        }
        try {
            String file = RunRecordStore.forLake(config.lakeRoot(), config.spark().conf())
                    .write(command, result, windows, Instant.now());
            log.println("tidemark: run recorded in " + file);
        } catch (IOException | RuntimeException e) {
            log.println("tidemark: run not recorded in " + config.lakeRoot() + "/" + RunRecordStore.FOLDER + ": " + e);
        }
    }
}
