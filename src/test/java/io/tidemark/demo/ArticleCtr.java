package io.tidemark.demo;

/** Impressions and clicks of one article on one day (distinct events; redeliveries counted once). */
public record ArticleCtr(long impressions, long clicks) {
    ArticleCtr plus(String action) {
        return switch (action) {
            case "impression" -> new ArticleCtr(impressions + 1, clicks);
            case "click" -> new ArticleCtr(impressions, clicks + 1);
            default -> this;
        };
    }
}
