-- Close the current version of every changed user at the snapshot's midnight. Parameter: that midnight (UTC).
UPDATE ${schema}.dim_user
SET valid_to = ?,
    is_current = FALSE
FROM stage_user_changes c
WHERE ${schema}.dim_user.user_id = c.user_id
  AND ${schema}.dim_user.is_current = TRUE
