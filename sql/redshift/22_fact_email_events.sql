-- Object: ${schema}.fact_email_events (fact)
-- Grain:  one row per SES event and recipient (ses_events' key: message, type, recipient, time).
-- Columns:
--   datekey        INTEGER   yyyyMMdd of event_ts (UTC), joins dim_date.d_datekey
--   event_ts       TIMESTAMP the event's own time (UTC)
--   message_id     VARCHAR   SES message id (mail.messageId)
--   event_type     VARCHAR   Send, Reject, Bounce, Complaint, Delivery, Open, Click, Rendering Failure,
--                            DeliveryDelay or Subscription
--   recipient_hash VARCHAR   SHA-256 hex of the lower-cased recipient address (never the address)
--   bounce_type    VARCHAR   Undetermined, Permanent or Transient for bounces, else NULL
--   complaint_type VARCHAR   complaint feedback type for complaints, else NULL
--   link           VARCHAR   the clicked link for clicks (addresses redacted), else NULL
-- Loaded per (datekey, hour of event_ts) partition by delete-then-insert in one transaction, guarded by
-- etl_load_audit. Distributed on the message id (even; a message's events together), sorted by time. The first
-- sort-key column stays RAW.
CREATE TABLE IF NOT EXISTS ${schema}.fact_email_events (
    datekey        INTEGER      NOT NULL ENCODE RAW,
    event_ts       TIMESTAMP    NOT NULL ENCODE AZ64,
    message_id     VARCHAR(256) NOT NULL ENCODE ZSTD,
    event_type     VARCHAR(32)  NOT NULL ENCODE ZSTD,
    recipient_hash VARCHAR(64)  NOT NULL ENCODE ZSTD,
    bounce_type    VARCHAR(32)           ENCODE ZSTD,
    complaint_type VARCHAR(64)           ENCODE ZSTD,
    link           VARCHAR(MAX)          ENCODE ZSTD,
    PRIMARY KEY (message_id, event_type, recipient_hash, event_ts)
)
DISTSTYLE KEY
DISTKEY (message_id)
COMPOUND SORTKEY (datekey, event_ts);
