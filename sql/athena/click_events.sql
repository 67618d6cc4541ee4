-- Athena DDL: curated.click_events (source of truth: schemas/click_events.json; written by Tidemark's curate job)
--
-- Grain:        one row per distinct clickstream event (impression, click or any other action).
-- Key:          event_key = event_id when the record has one, else SHA-256 hex of the canonical record text and the
--               landed object's Firehose arrival time (Tidemark deduplicates on it; Firehose redeliveries are stored once).
-- Partitioning: dt = UTC date (yyyy-MM-dd) and hr = UTC hour (00-23) of event_ts, both strings. event_ts is the
--               record's timestamp, or the Firehose arrival time when it has none (event_ts_from_arrival = true).
-- Columns:      the schema's columns in schema order, then the lineage columns _source_object, _arrival_ts, _ingested_at,
--               _run_id. Parquet, snappy.
--
-- Partitions are registered by Tidemark itself, one ALTER TABLE ... ADD PARTITION ... LOCATION (or
-- ... PARTITION ... SET LOCATION on a rerun) per published partition, pointing at a version folder
--   s3://${lake_bucket}/curated/click_events/v-<run id>/dt=yyyy-MM-dd/hr=HH/
-- Do NOT run MSCK REPAIR TABLE and do NOT enable partition projection on this table: both derive partition
-- locations from the dt=/hr= folder layout under the table root, which never holds data files directly (the data
-- sits in v-<run id> version folders), so they would register empty or stale locations and hide the published
-- version that Tidemark swapped in atomically.
--
-- ${lake_bucket}: the lake root (Tidemark's runtime config lakeRoot) without its s3:// scheme,
-- i.e. the bucket, plus a prefix if the lake lives under one.
CREATE EXTERNAL TABLE IF NOT EXISTS curated.click_events (
  `event_key`             string    COMMENT 'dedup key: event_id if present, else SHA-256 hex of the canonical record text and the Firehose arrival time of the object',
  `event_id`              string    COMMENT 'producer event id, when the record carries one',
  `article_id`            bigint    COMMENT 'article id (numeric strings coerced)',
  `user_id`               bigint    COMMENT 'user id (numeric strings coerced); joins users_ref',
  `action`                string    COMMENT 'action, trimmed and lower-cased (click, impression, ...; unknown actions kept)',
  `event_ts`              timestamp COMMENT 'event time (UTC): the record timestamp, else the Firehose arrival time',
  `event_ts_from_arrival` boolean   COMMENT 'true when event_ts is the arrival time because the record had no timestamp',
  `_source_object`        string    COMMENT 'landed object the row came from',
  `_arrival_ts`           timestamp COMMENT 'Firehose arrival time of the landed object (from its key)',
  `_ingested_at`          timestamp COMMENT 'start of the run that stored the row',
  `_run_id`               string    COMMENT 'run that stored the row'
)
COMMENT 'Clickstream events (article impressions, clicks and any other action) landed by Firehose as JSON lines under clickstream/. One row per distinct event; Firehose redeliveries are stored once.'
PARTITIONED BY (`dt` string, `hr` string)
STORED AS PARQUET
LOCATION 's3://${lake_bucket}/curated/click_events/'
TBLPROPERTIES ('parquet.compression'='SNAPPY')
