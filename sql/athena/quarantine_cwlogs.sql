-- Athena DDL: quarantine.cwlogs, the quarantine table of the cwlogs job (shape: schemas/quarantine.json; every
-- job's quarantine table quarantine.<job> has this shape, at s3://${lake_bucket}/quarantine/<job>/).
--
-- Grain:        one row per record (or whole landed object) that could not be curated, with its reason code.
-- Key:          source_object + offset + reason_code.
-- Partitioning: dt = UTC date (yyyy-MM-dd) of the landing window, a string. No hr.
-- Columns:      the schema's columns in schema order; no lineage columns (the schema has "lineage": false:
--               source_object and run_id are part of the row). Parquet, snappy.
--
-- Partitions are registered by Tidemark itself, one ALTER TABLE ... ADD PARTITION ... LOCATION (or
-- ... PARTITION ... SET LOCATION on a rerun) per published partition, pointing at a version folder
--   s3://${lake_bucket}/quarantine/cwlogs/v-<run id>/dt=yyyy-MM-dd/
-- Do NOT run MSCK REPAIR TABLE and do NOT enable partition projection on this table: both derive partition
-- locations from the dt= folder layout under the table root, which never holds data files directly (the data
-- sits in v-<run id> version folders), so they would register empty or stale locations and hide the published
-- version that Tidemark swapped in atomically.
--
-- ${lake_bucket}: the lake root (Tidemark's runtime config lakeRoot) without its s3:// scheme,
-- i.e. the bucket, plus a prefix if the lake lives under one.
CREATE EXTERNAL TABLE IF NOT EXISTS quarantine.cwlogs (
  `source_object`  string    COMMENT 'full URI of the landed object',
  `offset`         bigint    COMMENT 'ordinal of the first affected record in the object (0-based)',
  `reason_code`    string    COMMENT 'CORRUPT_COMPRESSION, TRUNCATED_OBJECT, MALFORMED_JSON, SCHEMA_MISMATCH, ...',
  `detail`         string    COMMENT 'what was wrong: the field, the value, what was expected',
  `raw`            string    COMMENT 'the raw record text (shortened for oversized records; empty for whole objects)',
  `dataset`        string    COMMENT 'the curated dataset the record was headed for, when known',
  `run_id`         string,
  `quarantined_at` timestamp
)
COMMENT 'Records (or whole objects) that could not be curated by the cwlogs job: why, where from, and the raw text. Partitioned by the date of the landing window.'
PARTITIONED BY (`dt` string)
STORED AS PARQUET
LOCATION 's3://${lake_bucket}/quarantine/cwlogs/'
TBLPROPERTIES ('parquet.compression'='SNAPPY')
