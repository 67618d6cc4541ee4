package io.tidemark.demo;

import java.util.Comparator;

/** Key of the daily e-mail figures ({@code v_email_engagement_daily}): UTC date of event_ts and event type. */
public record DayEventType(String date, String eventType) implements Comparable<DayEventType> {
    private static final Comparator<DayEventType> ORDER =
            Comparator.comparing(DayEventType::date).thenComparing(DayEventType::eventType);

    @Override
    public int compareTo(DayEventType other) {
        return ORDER.compare(this, other);
    }
}
