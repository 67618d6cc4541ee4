package io.tidemark.demo;

/** Sums of a group of counted flow-log lines: number of lines, packets and bytes. */
public record FlowTotals(long flows, long packets, long bytes) {
    public static final FlowTotals ZERO = new FlowTotals(0, 0, 0);

    public FlowTotals plus(FlowTotals other) {
        return new FlowTotals(flows + other.flows, packets + other.packets, bytes + other.bytes);
    }
}
