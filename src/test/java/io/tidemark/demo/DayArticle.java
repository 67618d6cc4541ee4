package io.tidemark.demo;

import java.time.LocalDate;
import java.util.Comparator;

/** A (UTC date of event_ts, article) pair: the grain of {@code v_article_ctr_daily}. */
public record DayArticle(LocalDate date, long articleId) implements Comparable<DayArticle> {
    private static final Comparator<DayArticle> ORDER =
            Comparator.comparing(DayArticle::date).thenComparingLong(DayArticle::articleId);

    @Override
    public int compareTo(DayArticle other) {
        return ORDER.compare(this, other);
    }
}
