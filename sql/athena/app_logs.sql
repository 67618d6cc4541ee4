-- Athena DDL: curated.app_logs (source of truth: schemas/app_logs.json; written by Tidemark's curate job)
--
-- Grain:        one row per CloudWatch Logs log event of every log group that does not carry VPC flow logs.
-- Key:          event_id (Tidemark deduplicates on it; Firehose redeliveries are stored once).
-- Partitioning: dt = UTC date (yyyy-MM-dd) and hr = UTC hour (00-23) of the log event timestamp event_ts, both strings.
-- Columns:      the schema's columns in schema order, then the lineage columns _source_object, _arrival_ts, _ingested_at,
--               _run_id. Parquet, snappy.
--
-- Partitions are registered by Tidemark itself, one ALTER TABLE ... ADD PARTITION ... LOCATION (or
-- ... PARTITION ... SET LOCATION on a rerun) per published partition, pointing at a version folder
--   s3://${lake_bucket}/curated/app_logs/v-<run id>/dt=yyyy-MM-dd/hr=HH/
-- Do NOT run MSCK REPAIR TABLE and do NOT enable partition projection on this table: both derive partition
-- locations from the dt=/hr= folder layout under the table root, which never holds data files directly (the data
-- sits in v-<run id> version folders), so they would register empty or stale locations and hide the published
-- version that Tidemark swapped in atomically.
--
-- ${lake_bucket}: the lake root (Tidemark's runtime config lakeRoot) without its s3:// scheme,
-- i.e. the bucket, plus a prefix if the lake lives under one.
CREATE EXTERNAL TABLE IF NOT EXISTS curated.app_logs (
  `event_id`       string    COMMENT 'CloudWatch Logs log event id (56 digits)',
  `event_ts`       timestamp COMMENT 'log event timestamp (UTC, millisecond precision)',
  `owner`          string    COMMENT 'AWS account that owns the log group',
  `log_group`      string,
  `log_stream`     string,
  `message`        string    COMMENT 'the raw log line, unchanged',
  `_source_object` string    COMMENT 'landed object the row came from',
  `_arrival_ts`    timestamp COMMENT 'Firehose arrival time of the landed object (from its key)',
  `_ingested_at`   timestamp COMMENT 'start of the run that stored the row',
  `_run_id`        string    COMMENT 'run that stored the row'
)
COMMENT 'Application log events delivered through CloudWatch Logs subscriptions, from every log group that does not carry VPC flow logs. One row per log event.'
PARTITIONED BY (`dt` string, `hr` string)
STORED AS PARQUET
LOCATION 's3://${lake_bucket}/curated/app_logs/'
TBLPROPERTIES ('parquet.compression'='SNAPPY')
