-- One fact row per staged row (ses_events is unique on its key already).
INSERT INTO ${schema}.fact_email_events
    (datekey, event_ts, message_id, event_type, recipient_hash, bounce_type, complaint_type, link)
SELECT datekey, event_ts, message_id, event_type, recipient_hash, bounce_type, complaint_type, link
FROM stage_fact_email_events
