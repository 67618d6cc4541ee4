package io.tidemark.landing;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Instant;

/**
 * What every stage of one run shares: the job, the run id, the window and the instant the run started
 * (stored as {@code _ingested_at}; never used to decide what data means).
 */
public record RunContext(String job, String runId, LandingWindow window, Instant startedAt) implements Serializable {
    public RunContext {
        requireNonNull(job, "job is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(window, "window is null");
        requireNonNull(startedAt, "startedAt is null");
    }
}
