-- Object: ${schema}.v_email_engagement_daily (BI view, QuickSight dataset)
-- Grain:  one row per day and SES event type that occurred.
-- Columns:
--   d_prettydate DATE    the day of event_ts (dim_date)
--   event_type   VARCHAR SES event type (Send, Delivery, Open, Click, Bounce, Complaint, ...)
--   events       BIGINT  fact_email_events rows: events x recipients
CREATE OR REPLACE VIEW ${schema}.v_email_engagement_daily AS
SELECT d.d_prettydate,
       f.event_type,
       CAST(COUNT(*) AS BIGINT) AS events
FROM ${schema}.fact_email_events f
JOIN ${schema}.dim_date d ON d.d_datekey = f.datekey
GROUP BY d.d_prettydate, f.event_type;
