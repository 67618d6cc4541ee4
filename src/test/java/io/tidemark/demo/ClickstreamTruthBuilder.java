package io.tidemark.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The ground truth of a clickstream landing, aggregated from the generator's plan: a record with a quarantine
 * reason is a quarantine record, a planned redelivery a duplicate, every other record a {@code click_events} row.
 */
final class ClickstreamTruthBuilder {
    private static final DateTimeFormatter PARTITION =
            DateTimeFormatter.ofPattern("'dt='yyyy-MM-dd'/hr='HH").withZone(ZoneOffset.UTC);

    private final ClickstreamLandingSettings settings;
    private final SortedMap<String, Long> quarantined = new TreeMap<>();
    private final SortedMap<String, Long> partitions = new TreeMap<>();
    private final SortedMap<String, Long> actions = new TreeMap<>();
    private final SortedMap<DayArticle, ArticleCtr> ctr = new TreeMap<>();
    private final SortedMap<ArticleEventKey, Long> articleEvents = new TreeMap<>();
    private final SortedSet<Long> unknownUsers = new TreeSet<>();
    private long rows;
    private long duplicates;
    private long fromArrival;

    private ClickstreamTruthBuilder(ClickstreamLandingSettings settings) {
        this.settings = settings;
    }

    static GeneratedClickstream of(ClickstreamWritten written) {
        ClickstreamTruthBuilder truth = new ClickstreamTruthBuilder(written.settings());
        for (PlannedClickRecord record : written.plan()) {
            if (record.quarantine() != null) {
                truth.quarantined.merge(record.quarantine().name(), 1L, Long::sum);
            } else if (record.duplicate()) {
                truth.duplicates++;
            } else {
                truth.row(record.click());
            }
        }
        return new GeneratedClickstream(written.landingRoot(), written.settings(), written.objects(),
                written.documentsWritten(), truth.rows, truth.duplicates, truth.quarantined, truth.partitions,
                truth.actions, truth.fromArrival, truth.ctr, truth.articleEvents, truth.unknownUsers);
    }

    private void row(PlannedClick click) {
        rows++;
        partitions.merge(PARTITION.format(click.eventTime()), 1L, Long::sum);
        actions.merge(click.action(), 1L, Long::sum);
        if (click.fromArrival()) {
            fromArrival++;
        }
        LocalDate date = LocalDate.ofInstant(click.eventTime(), ZoneOffset.UTC);
        ctr.merge(new DayArticle(date, click.articleId()), new ArticleCtr(0, 0).plus(click.action()),
                (x, y) -> new ArticleCtr(x.impressions() + y.impressions(), x.clicks() + y.clicks()));
        int hour = click.eventTime().atZone(ZoneOffset.UTC).getHour();
        articleEvents.merge(new ArticleEventKey(date, hour, click.articleId(), click.userId(), click.action()), 1L,
                Long::sum);
        long user = click.userId();
        if (user < settings.firstUserId() || user >= settings.firstUserId() + settings.users()) {
            unknownUsers.add(user);
        }
    }
}
