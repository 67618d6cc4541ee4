-- Object: ${schema}.dim_article (dimension)
-- Grain:  one row per article id seen in click_events.
-- Columns:
--   article_key BIGINT  surrogate key, deterministic: the first 8 bytes of SHA-256('article/' || article_id) as a
--                       signed long, computed in Java (ArticleKey), so reruns and both dialects agree
--   article_id  BIGINT  the source's article id (click_events.article_id)
-- Rows are only ever added (by the article_events load, in its transaction). Small and joined by
-- fact_article_events: replicated to all nodes (DISTSTYLE ALL).
CREATE TABLE IF NOT EXISTS ${schema}.dim_article (
    article_key BIGINT NOT NULL ENCODE RAW,
    article_id  BIGINT NOT NULL ENCODE AZ64,
    PRIMARY KEY (article_key)
)
DISTSTYLE ALL
SORTKEY (article_key);
