-- Athena DDL: curated.vpc_flow_logs (source of truth: schemas/vpc_flow_logs.json; written by Tidemark's curate job)
--
-- Grain:        one row per VPC flow-log record (one CloudWatch Logs log event, or one blueprint-processed line).
-- Key:          event_id (Tidemark deduplicates on it; Firehose redeliveries are stored once).
-- Partitioning: dt = UTC date (yyyy-MM-dd) and hr = UTC hour (00-23) of the event time `start`, both strings.
-- Columns:      the schema's columns in schema order, then the lineage columns _source_object, _arrival_ts, _ingested_at,
--               _run_id. Flow-log '-' values are NULL. Parquet, snappy.
--
-- Partitions are registered by Tidemark itself, one ALTER TABLE ... ADD PARTITION ... LOCATION (or
-- ... PARTITION ... SET LOCATION on a rerun) per published partition, pointing at a version folder
--   s3://${lake_bucket}/curated/vpc_flow_logs/v-<run id>/dt=yyyy-MM-dd/hr=HH/
-- Do NOT run MSCK REPAIR TABLE and do NOT enable partition projection on this table: both derive partition
-- locations from the dt=/hr= folder layout under the table root, which never holds data files directly (the data
-- sits in v-<run id> version folders), so they would register empty or stale locations and hide the published
-- version that Tidemark swapped in atomically.
--
-- ${lake_bucket}: the lake root (Tidemark's runtime config lakeRoot) without its s3:// scheme,
-- i.e. the bucket, plus a prefix if the lake lives under one.
CREATE EXTERNAL TABLE IF NOT EXISTS curated.vpc_flow_logs (
  `event_id`            string    COMMENT 'CloudWatch Logs log event id (56 digits)',
  `event_ts`            timestamp COMMENT 'CloudWatch Logs ingestion timestamp of the log event (UTC)',
  `owner`               string    COMMENT 'AWS account that owns the log group',
  `log_group`           string,
  `log_stream`          string,
  `version`             int,
  `account_id`          string,
  `interface_id`        string,
  `srcaddr`             string,
  `dstaddr`             string,
  `srcport`             int,
  `dstport`             int,
  `protocol`            int,
  `packets`             bigint,
  `bytes`               bigint,
  `start`               bigint    COMMENT 'start of the capture window, Unix seconds (event time)',
  `end`                 bigint    COMMENT 'end of the capture window, Unix seconds',
  `action`              string    COMMENT 'ACCEPT or REJECT; null for NODATA/SKIPDATA',
  `log_status`          string    COMMENT 'OK, NODATA or SKIPDATA',
  `vpc_id`              string,
  `subnet_id`           string,
  `instance_id`         string,
  `tcp_flags`           int,
  `type`                string,
  `pkt_srcaddr`         string,
  `pkt_dstaddr`         string,
  `region`              string,
  `az_id`               string,
  `sublocation_type`    string,
  `sublocation_id`      string,
  `pkt_src_aws_service` string,
  `pkt_dst_aws_service` string,
  `flow_direction`      string,
  `traffic_path`        int,
  `_source_object`      string    COMMENT 'landed object the row came from',
  `_arrival_ts`         timestamp COMMENT 'Firehose arrival time of the landed object (from its key)',
  `_ingested_at`        timestamp COMMENT 'start of the run that stored the row',
  `_run_id`             string    COMMENT 'run that stored the row'
)
COMMENT 'VPC flow log records delivered through CloudWatch Logs subscriptions (or blueprint-processed lines). One row per flow-log line.'
PARTITIONED BY (`dt` string, `hr` string)
STORED AS PARQUET
LOCATION 's3://${lake_bucket}/curated/vpc_flow_logs/'
TBLPROPERTIES ('parquet.compression'='SNAPPY')
