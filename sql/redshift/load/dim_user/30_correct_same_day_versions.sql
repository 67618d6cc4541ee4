-- A snapshot loaded again with other content (a republished partition): versions this snapshot date opened take
-- the new attributes in place, so no zero-length version appears. Parameter: the snapshot's midnight (UTC).
UPDATE ${schema}.dim_user
SET gender = s.gender,
    segment_id = s.segment_id
FROM stage_users s
WHERE ${schema}.dim_user.user_id = s.user_id
  AND ${schema}.dim_user.is_current = TRUE
  AND ${schema}.dim_user.valid_from = ?
  AND (${schema}.dim_user.gender <> s.gender
    OR (${schema}.dim_user.gender IS NULL AND s.gender IS NOT NULL)
    OR (${schema}.dim_user.gender IS NOT NULL AND s.gender IS NULL)
    OR ${schema}.dim_user.segment_id <> s.segment_id
    OR (${schema}.dim_user.segment_id IS NULL AND s.segment_id IS NOT NULL)
    OR (${schema}.dim_user.segment_id IS NOT NULL AND s.segment_id IS NULL))
