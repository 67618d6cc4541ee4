package io.tidemark.demo;

import java.time.Instant;

/**
 * A clickstream record the generator meant to become a {@code click_events} row.
 *
 * @param eventTime   its timestamp, or the object's arrival when it has none
 * @param fromArrival whether it has no timestamp (event_ts taken from the arrival)
 * @param action      the action normalised (trimmed, lower case), unknown ones included
 */
public record PlannedClick(Instant eventTime, boolean fromArrival, long articleId, long userId, String action) {
}
