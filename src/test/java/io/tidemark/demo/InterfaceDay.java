package io.tidemark.demo;

import java.util.Comparator;

/** Key of {@code v_flow_rejects_daily}: UTC date of {@code start} ({@code yyyy-MM-dd}) and interface id. */
public record InterfaceDay(String date, String interfaceId) implements Comparable<InterfaceDay> {
    private static final Comparator<InterfaceDay> ORDER =
            Comparator.comparing(InterfaceDay::date).thenComparing(InterfaceDay::interfaceId);

    @Override
    public int compareTo(InterfaceDay other) {
        return ORDER.compare(this, other);
    }
}
