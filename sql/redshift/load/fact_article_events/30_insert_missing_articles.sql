-- New articles: one row per key. Existing rows are never rewritten.
INSERT INTO ${schema}.dim_article (article_key, article_id)
SELECT DISTINCT s.article_key, s.article_id
FROM stage_fact_article_events s
WHERE NOT EXISTS (SELECT 1 FROM ${schema}.dim_article d WHERE d.article_key = s.article_key)
