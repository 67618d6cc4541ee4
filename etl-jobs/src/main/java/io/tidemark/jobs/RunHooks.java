package io.tidemark.jobs;

import io.tidemark.landing.LandingWindow;

/**
 * Called when a run reaches a {@link FaultPoint}. Production runs use {@link #NONE}; tests inject a hook that
 * throws to simulate a crash at that point and then check that the next run converges.
 */
@FunctionalInterface
public interface RunHooks {
    /** Does nothing: no behaviour of the run depends on hooks. */
    RunHooks NONE = (point, job, window) -> { };

    void reached(FaultPoint point, String job, LandingWindow window);
}
