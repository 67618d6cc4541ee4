-- Athena DDL: curated.users_ref (source of truth: schemas/users_ref.json; written by Tidemark's curate job)
--
-- Grain:        one row per user per daily reference snapshot (reference/users/dt=yyyy-MM-dd/users.csv).
-- Key:          user_id within a snapshot (Tidemark deduplicates on it; the first row of a snapshot wins).
-- Partitioning: dt = the snapshot date (yyyy-MM-dd) from the dt= folder of the landed object's key, a string.
-- Columns:      the schema's columns in schema order, then the lineage columns _source_object, _arrival_ts, _ingested_at,
--               _run_id (_arrival_ts is null: snapshot keys are not Firehose keys). Parquet, snappy.
--
-- Partitions are registered by Tidemark itself, one ALTER TABLE ... ADD PARTITION ... LOCATION (or
-- ... PARTITION ... SET LOCATION on a rerun) per published partition, pointing at a version folder
--   s3://${lake_bucket}/curated/users_ref/v-<run id>/dt=yyyy-MM-dd/
-- Do NOT run MSCK REPAIR TABLE and do NOT enable partition projection on this table: both derive partition
-- locations from the dt= folder layout under the table root, which never holds data files directly (the data
-- sits in v-<run id> version folders), so they would register empty or stale locations and hide the published
-- version that Tidemark swapped in atomically.
--
-- ${lake_bucket}: the lake root (Tidemark's runtime config lakeRoot) without its s3:// scheme,
-- i.e. the bucket, plus a prefix if the lake lives under one.
CREATE EXTERNAL TABLE IF NOT EXISTS curated.users_ref (
  `user_id`        bigint    COMMENT 'user id',
  `gender`         string    COMMENT 'gender as coded by the source (trimmed; empty is null)',
  `segment_id`     int       COMMENT 'segment id (empty is null)',
  `snapshot_date`  date      COMMENT 'snapshot date, from the dt= folder of the object key',
  `_source_object` string    COMMENT 'landed object the row came from',
  `_arrival_ts`    timestamp COMMENT 'Firehose arrival time of the landed object (from its key)',
  `_ingested_at`   timestamp COMMENT 'start of the run that stored the row',
  `_run_id`        string    COMMENT 'run that stored the row'
)
COMMENT 'Daily user reference snapshots (reference/users/dt=yyyy-MM-dd/users.csv). One row per user per snapshot date; the first row wins when a snapshot repeats a user_id.'
PARTITIONED BY (`dt` string)
STORED AS PARQUET
LOCATION 's3://${lake_bucket}/curated/users_ref/'
TBLPROPERTIES ('parquet.compression'='SNAPPY')
