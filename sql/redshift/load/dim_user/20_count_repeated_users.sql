-- Staged rows beyond one per user_id: must be 0 (a user would otherwise open two versions at once).
SELECT COUNT(*) - COUNT(DISTINCT user_id) FROM stage_users
