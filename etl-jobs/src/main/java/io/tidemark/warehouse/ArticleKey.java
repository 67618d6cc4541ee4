package io.tidemark.warehouse;

/** The surrogate key of {@code dim_article}: {@link SurrogateKey} of {@code "article/" + article_id}. */
public final class ArticleKey {
    private ArticleKey() {
    }

    public static long of(long articleId) {
        return SurrogateKey.of("article/" + articleId);
    }
}
