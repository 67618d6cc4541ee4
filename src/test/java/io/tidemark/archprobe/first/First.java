package io.tidemark.archprobe.first;

import io.tidemark.archprobe.second.Second;

/** Half of a deliberate package cycle: shows that ArchitectureTest's cycle rule can fail. */
public final class First {
    public Second next() {
        return new Second();
    }
}
