-- Staged rows at the fact's grain, each user id resolved to the dim_user version valid at the hour
-- (versions open at midnight UTC, so the hour start decides exactly), or -1 when the user has none.
INSERT INTO ${schema}.fact_article_events (datekey, hr, article_key, user_key, action, event_count)
SELECT s.datekey, s.hr, s.article_key, COALESCE(u.user_key, -1), s.action, SUM(s.event_count)
FROM stage_fact_article_events s
LEFT JOIN ${schema}.dim_user u
  ON u.user_id = s.user_id AND u.valid_from <= s.hour_start AND s.hour_start < u.valid_to
GROUP BY s.datekey, s.hr, s.article_key, COALESCE(u.user_key, -1), s.action
