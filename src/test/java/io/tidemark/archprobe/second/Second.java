package io.tidemark.archprobe.second;

import io.tidemark.archprobe.first.First;

/** The other half of the deliberate package cycle of {@link First}. */
public final class Second {
    public First back() {
        return new First();
    }
}
