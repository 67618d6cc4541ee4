-- Replace, never add: remove every fact row of the partitions this load covers.
DELETE FROM ${schema}.fact_article_events
USING stage_windows w
WHERE ${schema}.fact_article_events.datekey = w.datekey
  AND ${schema}.fact_article_events.hr = w.hr
