-- Open the new versions, valid from the snapshot's midnight until further notice. Parameter: that midnight (UTC).
INSERT INTO ${schema}.dim_user (user_key, user_id, gender, segment_id, valid_from, valid_to, is_current)
SELECT c.user_key, c.user_id, c.gender, c.segment_id, CAST(? AS TIMESTAMP), TIMESTAMP '9999-12-31 00:00:00', TRUE
FROM stage_user_changes c
