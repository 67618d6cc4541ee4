-- Object: ${schema}.v_article_ctr_daily (BI view, QuickSight dataset)
-- Grain:  one row per day and article that had any click event.
-- Columns:
--   d_prettydate DATE             the day (dim_date)
--   article_id   BIGINT           the source's article id (dim_article)
--   impressions  BIGINT           sum of fact_article_events.event_count over action = 'impression'
--   clicks       BIGINT           sum of fact_article_events.event_count over action = 'click'
--   ctr          DOUBLE PRECISION clicks / impressions; NULL when the article had no impression that day
CREATE OR REPLACE VIEW ${schema}.v_article_ctr_daily AS
SELECT t.d_prettydate,
       t.article_id,
       t.impressions,
       t.clicks,
       CAST(t.clicks AS DOUBLE PRECISION) / NULLIF(t.impressions, 0) AS ctr
FROM (SELECT d.d_prettydate,
             a.article_id,
             CAST(SUM(CASE WHEN f.action = 'impression' THEN f.event_count ELSE 0 END) AS BIGINT) AS impressions,
             CAST(SUM(CASE WHEN f.action = 'click' THEN f.event_count ELSE 0 END) AS BIGINT) AS clicks
      FROM ${schema}.fact_article_events f
      JOIN ${schema}.dim_date d ON d.d_datekey = f.datekey
      JOIN ${schema}.dim_article a ON a.article_key = f.article_key
      GROUP BY d.d_prettydate, a.article_id) t;
