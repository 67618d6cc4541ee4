-- Replace, never add: remove every fact row whose event time falls in an hour this load covers.
DELETE FROM ${schema}.fact_email_events
USING stage_windows w
WHERE ${schema}.fact_email_events.datekey = w.datekey
  AND ${schema}.fact_email_events.event_ts >= w.starts_at
  AND ${schema}.fact_email_events.event_ts < w.ends_at
