-- Session-scoped staging table for one load's input: ses_events rows in the fact's columns and order.
CREATE TEMP TABLE stage_fact_email_events (
    datekey        INTEGER,
    event_ts       TIMESTAMP,
    message_id     VARCHAR(256),
    event_type     VARCHAR(32),
    recipient_hash VARCHAR(64),
    bounce_type    VARCHAR(32),
    complaint_type VARCHAR(64),
    link           VARCHAR(MAX)
)
