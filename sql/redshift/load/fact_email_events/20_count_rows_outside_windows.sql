-- Staged rows whose event time is in none of the hours the load replaces: must be 0.
SELECT COUNT(*)
FROM stage_fact_email_events s
WHERE NOT EXISTS (SELECT 1 FROM stage_windows w
                  WHERE w.datekey = s.datekey AND s.event_ts >= w.starts_at AND s.event_ts < w.ends_at)
