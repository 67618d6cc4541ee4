-- Users of the snapshot that are new or whose current version has other attributes (NULL-safe comparison).
CREATE TEMP TABLE stage_user_changes AS
SELECT s.user_key, s.user_id, s.gender, s.segment_id
FROM stage_users s
LEFT JOIN ${schema}.dim_user d ON d.user_id = s.user_id AND d.is_current = TRUE
WHERE d.user_id IS NULL
   OR d.gender <> s.gender
   OR (d.gender IS NULL AND s.gender IS NOT NULL)
   OR (d.gender IS NOT NULL AND s.gender IS NULL)
   OR d.segment_id <> s.segment_id
   OR (d.segment_id IS NULL AND s.segment_id IS NOT NULL)
   OR (d.segment_id IS NOT NULL AND s.segment_id IS NULL)
