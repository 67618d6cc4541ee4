package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Ground truth of a generated clickstream landing (test side), aggregated from the generator's plan of the records
 * actually written.
 *
 * @param landingRoot         the landing root the {@code clickstream/} prefix was written under
 * @param settings            the settings used
 * @param objects             every object written, sorted by key (the redelivered copy included)
 * @param documentsWritten    JSON documents in all objects, including redelivered copies and the malformed line
 * @param rows                distinct rows expected in {@code click_events}
 * @param duplicates          readable records that repeat an earlier one (the redelivered object's records and the
 *                            single redelivered record): dropped by the key dedup
 * @param quarantinedByReason expected quarantine records per reason code name (MALFORMED_JSON: the bad line, for the
 *                            framing layer; SCHEMA_MISMATCH, MISSING_KEY, BAD_TIMESTAMP: one each)
 * @param rowsByPartition     {@code click_events} rows per {@code dt=yyyy-MM-dd/hr=HH} of event_ts
 * @param rowsByAction        rows per normalised action ({@code click}, {@code impression}, unknown ones as landed)
 * @param rowsFromArrival     rows without a timestamp (event_ts = arrival, event_ts_from_arrival = true)
 * @param ctrByDayArticle     {@code v_article_ctr_daily}: impressions and clicks per (UTC date of event_ts, article)
 * @param articleEvents       {@code fact_article_events}: event_count per (date, hour, article, user, action)
 * @param usersNotInReference user ids that click but are in no users reference snapshot
 */
public record GeneratedClickstream(Path landingRoot, ClickstreamLandingSettings settings, List<ClickObject> objects,
                                   long documentsWritten, long rows, long duplicates,
                                   SortedMap<String, Long> quarantinedByReason, SortedMap<String, Long> rowsByPartition,
                                   SortedMap<String, Long> rowsByAction, long rowsFromArrival,
                                   SortedMap<DayArticle, ArticleCtr> ctrByDayArticle,
                                   SortedMap<ArticleEventKey, Long> articleEvents, SortedSet<Long> usersNotInReference) {
    public GeneratedClickstream {
        requireNonNull(landingRoot, "landingRoot");
        requireNonNull(settings, "settings");
        objects = List.copyOf(objects);
        quarantinedByReason = sorted(quarantinedByReason);
        rowsByPartition = sorted(rowsByPartition);
        rowsByAction = sorted(rowsByAction);
        ctrByDayArticle = sorted(ctrByDayArticle);
        articleEvents = sorted(articleEvents);
        usersNotInReference = Collections.unmodifiableSortedSet(new TreeSet<>(usersNotInReference));
    }

    /** The truth of what the generator wrote. */
    public static GeneratedClickstream of(ClickstreamWritten written) {
        return ClickstreamTruthBuilder.of(written);
    }

    /** Total quarantine records expected, all reasons. */
    public long quarantined() {
        return quarantinedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public Path pathOf(ClickObject object) {
        return landingRoot.resolve(object.key());
    }

    private static <K, V> SortedMap<K, V> sorted(Map<K, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
