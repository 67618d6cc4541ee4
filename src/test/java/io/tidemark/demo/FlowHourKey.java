package io.tidemark.demo;

import java.util.Comparator;

/**
 * Grain of {@code fact_flow_hourly}: UTC date ({@code yyyy-MM-dd}) and hour (0-23) of
 * {@code start}, interface id, action and IANA protocol number.
 */
public record FlowHourKey(String date, int hour, String interfaceId, String action, int protocol)
        implements Comparable<FlowHourKey> {
    private static final Comparator<FlowHourKey> ORDER = Comparator.comparing(FlowHourKey::date)
            .thenComparingInt(FlowHourKey::hour)
            .thenComparing(FlowHourKey::interfaceId)
            .thenComparing(FlowHourKey::action)
            .thenComparingInt(FlowHourKey::protocol);

    @Override
    public int compareTo(FlowHourKey other) {
        return ORDER.compare(this, other);
    }
}
