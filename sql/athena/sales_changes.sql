-- Athena DDL: curated.sales_changes (source of truth: schemas/sales_changes.json; written by Tidemark's curate job)
--
-- Grain:        one row per change of the sales table, from three feeds: the Aurora trigger CSV (insert-only, job
--               aurora_sales), AWS DMS S3-target CSV (full load + CDC, job dms_sales) and Debezium change events
--               (job debezium_sales).
-- Key:          change_key (Tidemark deduplicates on it; a redelivered change is stored once).
-- Current state: the last change per sale_id ordered by change_ts, then source_seq; a sale whose last change has
--               op = 'D' no longer exists.
-- Partitioning: dt = UTC date (yyyy-MM-dd) of the change time change_ts, a string.
-- Columns:      the schema's columns in schema order, then the lineage columns _source_object, _arrival_ts, _ingested_at,
--               _run_id. Parquet, snappy.
--
-- Partitions are registered by Tidemark itself, one ALTER TABLE ... ADD PARTITION ... LOCATION (or
-- ... PARTITION ... SET LOCATION on a rerun) per published partition, pointing at a version folder
--   s3://${lake_bucket}/curated/sales_changes/v-<run id>/dt=yyyy-MM-dd/
-- Do NOT run MSCK REPAIR TABLE and do NOT enable partition projection on this table: both derive partition
-- locations from the dt= folder layout under the table root, which never holds data files directly (the data
-- sits in v-<run id> version folders), so they would register empty or stale locations and hide the published
-- version that Tidemark swapped in atomically.
--
-- ${lake_bucket}: the lake root (Tidemark's runtime config lakeRoot) without its s3:// scheme,
-- i.e. the bucket, plus a prefix if the lake lives under one.
CREATE EXTERNAL TABLE IF NOT EXISTS curated.sales_changes (
  `change_key`        string    COMMENT 'dedup key: SHA-256 hex of source, sale_id, change_ts and source_seq (Aurora: source and sale_id only)',
  `source`            string    COMMENT 'aurora, dms or debezium',
  `op`                string    COMMENT 'I insert (also DMS full load and Debezium snapshot), U update, D delete',
  `sale_id`           string    COMMENT 'primary key; Aurora: SHA-256 hex of the CSV line (identical sales collapse)',
  `change_ts`         timestamp COMMENT 'change time (UTC) in the source; Aurora: arrival of its object',
  `source_seq`        string    COMMENT 'sortable position in the source, tie breaker after change_ts',
  `item_id`           string,
  `category`          string,
  `price`             double    COMMENT 'decimal price',
  `quantity`          int,
  `order_date`        timestamp COMMENT 'order time (UTC)',
  `destination_state` string,
  `shipping_type`     string,
  `referral`          string,
  `_source_object`    string    COMMENT 'landed object the row came from',
  `_arrival_ts`       timestamp COMMENT 'Firehose arrival time of the landed object (from its key)',
  `_ingested_at`      timestamp COMMENT 'start of the run that stored the row',
  `_run_id`           string    COMMENT 'run that stored the row'
)
COMMENT 'Changes of the sales table from the Aurora trigger CSV, AWS DMS and Debezium, normalized into one model. One row per change.'
PARTITIONED BY (`dt` string)
STORED AS PARQUET
LOCATION 's3://${lake_bucket}/curated/sales_changes/'
TBLPROPERTIES ('parquet.compression'='SNAPPY')
