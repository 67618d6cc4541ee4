-- Athena DDL: curated.ses_events (source of truth: schemas/ses_events.json; written by Tidemark's curate job, job "ses")
--
-- Grain:        one row per Amazon SES event AND recipient (bounce: bouncedRecipients; complaint: complainedRecipients;
--               delivery: recipients; deliveryDelay: delayedRecipients; Send, Reject, Open, Click, Rendering Failure,
--               Subscription: mail.destination). Recipient addresses are never stored: recipient_hash is the SHA-256 hex
--               of the trimmed, lower-cased address.
-- Key:          message_id, event_type, recipient_hash, event_ts (Tidemark deduplicates on it; Firehose redeliveries are
--               stored once).
-- Partitioning: dt = UTC date (yyyy-MM-dd) and hr = UTC hour (00-23) of the event's own timestamp event_ts, both strings.
-- Columns:      the schema's columns in schema order, then the lineage columns _source_object, _arrival_ts, _ingested_at,
--               _run_id. Parquet, snappy.
--
-- Partitions are registered by Tidemark itself, one ALTER TABLE ... ADD PARTITION ... LOCATION (or
-- ... PARTITION ... SET LOCATION on a rerun) per published partition, pointing at a version folder
--   s3://${lake_bucket}/curated/ses_events/v-<run id>/dt=yyyy-MM-dd/hr=HH/
-- Do NOT run MSCK REPAIR TABLE and do NOT enable partition projection on this table: both derive partition
-- locations from the dt=/hr= folder layout under the table root, which never holds data files directly (the data
-- sits in v-<run id> version folders), so they would register empty or stale locations and hide the published
-- version that Tidemark swapped in atomically.
--
-- ${lake_bucket}: the lake root (Tidemark's runtime config lakeRoot) without its s3:// scheme,
-- i.e. the bucket, plus a prefix if the lake lives under one.
CREATE EXTERNAL TABLE IF NOT EXISTS curated.ses_events (
  `event_ts`            timestamp COMMENT 'own timestamp of the event (bounce/complaint/delivery/open/click/deliveryDelay/subscription.timestamp; mail.timestamp for Send, Reject and Rendering Failure), UTC',
  `message_id`          string    COMMENT 'mail.messageId, the SES-assigned message id',
  `event_type`          string    COMMENT 'Send, Reject, Bounce, Complaint, Delivery, Open, Click, Rendering Failure, DeliveryDelay or Subscription (from eventType, or notificationType for identity notifications)',
  `recipient_hash`      string    COMMENT 'SHA-256 hex of the recipient address, trimmed and lower-cased (the address itself is never stored)',
  `mail_ts`             timestamp COMMENT 'mail.timestamp: when SES accepted the message, UTC',
  `source_arn`          string    COMMENT 'mail.sourceArn: the sending identity',
  `sending_account_id`  string    COMMENT 'mail.sendingAccountId',
  `configuration_set`   string    COMMENT 'first value of mail.tags ses:configuration-set',
  `bounce_type`         string    COMMENT 'bounce.bounceType: Undetermined, Permanent or Transient',
  `bounce_sub_type`     string    COMMENT 'bounce.bounceSubType',
  `recipient_status`    string    COMMENT 'the enhanced SMTP status code of this recipient (bouncedRecipients[].status or delayedRecipients[].status), e.g. 5.1.1',
  `complaint_type`      string    COMMENT 'complaint.complaintFeedbackType: abuse, auth-failure, fraud, not-spam, other, virus',
  `complaint_sub_type`  string    COMMENT 'complaint.complaintSubType',
  `feedback_id`         string    COMMENT 'bounce.feedbackId or complaint.feedbackId',
  `delay_type`          string    COMMENT 'deliveryDelay.delayType',
  `processing_time_ms`  bigint    COMMENT 'delivery.processingTimeMillis',
  `reporting_mta`       string    COMMENT 'reportingMTA of a bounce, delivery or delivery delay',
  `reject_reason`       string    COMMENT 'reject.reason',
  `ip_address`          string    COMMENT 'open.ipAddress or click.ipAddress',
  `user_agent`          string    COMMENT 'open/click/complaint userAgent, e-mail addresses redacted',
  `link`                string    COMMENT 'click.link, e-mail addresses redacted',
  `link_tags`           string    COMMENT 'click.linkTags as JSON text (map of string to array of strings)',
  `template_name`       string    COMMENT 'failure.templateName (Rendering Failure)',
  `error_message`       string    COMMENT 'failure.errorMessage (Rendering Failure), e-mail addresses redacted',
  `contact_list`        string    COMMENT 'subscription.contactList',
  `unsubscribe_all`     boolean   COMMENT 'subscription.newTopicPreferences.unsubscribeAll',
  `_source_object`      string    COMMENT 'landed object the row came from',
  `_arrival_ts`         timestamp COMMENT 'Firehose arrival time of the landed object (from its key)',
  `_ingested_at`        timestamp COMMENT 'start of the run that stored the row',
  `_run_id`             string    COMMENT 'run that stored the row'
)
COMMENT 'Amazon SES event publishing records (and identity notifications) landed by Firehose under ses/. One row per event and recipient; recipient addresses are stored only as SHA-256 hashes.'
PARTITIONED BY (`dt` string, `hr` string)
STORED AS PARQUET
LOCATION 's3://${lake_bucket}/curated/ses_events/'
TBLPROPERTIES ('parquet.compression'='SNAPPY')
