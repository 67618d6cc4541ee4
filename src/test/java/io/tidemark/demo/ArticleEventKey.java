package io.tidemark.demo;

import java.time.LocalDate;
import java.util.Comparator;

/** The grain of {@code fact_article_events}: UTC date and hour of event_ts, article, user, action. */
public record ArticleEventKey(LocalDate date, int hour, long articleId, long userId, String action)
        implements Comparable<ArticleEventKey> {
    private static final Comparator<ArticleEventKey> ORDER = Comparator.comparing(ArticleEventKey::date)
            .thenComparingInt(ArticleEventKey::hour).thenComparingLong(ArticleEventKey::articleId)
            .thenComparingLong(ArticleEventKey::userId).thenComparing(ArticleEventKey::action);

    @Override
    public int compareTo(ArticleEventKey other) {
        return ORDER.compare(this, other);
    }
}
