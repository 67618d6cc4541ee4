-- Athena DDL: curated.guardduty_findings (source of truth: schemas/guardduty_findings.json; written by Tidemark's curate job)
--
-- Grain:        one row per distinct update of a GuardDuty finding. GuardDuty re-emits a finding (same id) with a higher
--               service_count and a new updated_at; every update is kept once. The latest state of a finding is its row
--               with the greatest updated_at (the warehouse's fact_security_findings keeps only that one).
-- Key:          finding_id + updated_at (Tidemark deduplicates on it; Firehose redeliveries of the same update are stored once).
-- Partitioning: dt = UTC date (yyyy-MM-dd) of updated_at, a string. No hr.
-- Columns:      the schema's columns in schema order, then the lineage columns _source_object, _arrival_ts, _ingested_at,
--               _run_id. Parquet, snappy. severity_label: Low < 4.0 <= Medium < 7.0 <= High (GuardDuty's critical band,
--               9.0 and up, is labelled High).
--
-- Partitions are registered by Tidemark itself, one ALTER TABLE ... ADD PARTITION ... LOCATION (or
-- ... PARTITION ... SET LOCATION on a rerun) per published partition, pointing at a version folder
--   s3://${lake_bucket}/curated/guardduty_findings/v-<run id>/dt=yyyy-MM-dd/
-- Do NOT run MSCK REPAIR TABLE and do NOT enable partition projection on this table: both derive partition
-- locations from the dt= folder layout under the table root, which never holds data files directly (the data
-- sits in v-<run id> version folders), so they would register empty or stale locations and hide the published
-- version that Tidemark swapped in atomically.
--
-- ${lake_bucket}: the lake root (Tidemark's runtime config lakeRoot) without its s3:// scheme,
-- i.e. the bucket, plus a prefix if the lake lives under one.
CREATE EXTERNAL TABLE IF NOT EXISTS curated.guardduty_findings (
  `finding_id`       string    COMMENT 'finding id (detail.id)',
  `updated_at`       timestamp COMMENT 'when this update of the finding was made (detail.updatedAt, UTC); decides dt',
  `created_at`       timestamp COMMENT 'when the finding was first created (detail.createdAt, UTC)',
  `account_id`       string    COMMENT 'account the finding belongs to (detail.accountId, else the envelope account)',
  `region`           string    COMMENT 'region of the finding (detail.region, else the envelope region)',
  `partition`        string    COMMENT 'AWS partition, e.g. aws (detail.partition, else taken from the arn)',
  `arn`              string    COMMENT 'finding ARN',
  `type`             string    COMMENT 'finding type, ThreatPurpose:ResourceType/ThreatFamily.DetectionMechanism!Artifact',
  `title`            string,
  `description`      string,
  `severity`         double    COMMENT 'severity as a number (arrives as 2, 5.0 or "5.0")',
  `severity_label`   string    COMMENT 'Low (< 4.0), Medium (4.0 to < 7.0), High (>= 7.0, including the critical band 9.0+)',
  `resource_type`    string    COMMENT 'resource.resourceType: Instance, AccessKey, S3Bucket, EKSCluster, ...',
  `instance_id`      string    COMMENT 'resource.instanceDetails.instanceId',
  `access_key_id`    string    COMMENT 'resource.accessKeyDetails.accessKeyId',
  `bucket_names`     string    COMMENT 'resource.s3BucketDetails[].name, comma-joined; null when there are none',
  `action_type`      string    COMMENT 'service.action.actionType: NETWORK_CONNECTION, PORT_PROBE, AWS_API_CALL, DNS_REQUEST, ...',
  `remote_ip`        string    COMMENT 'remoteIpDetails.ipAddressV4 of the action (PORT_PROBE: first portProbeDetails entry)',
  `remote_country`   string    COMMENT 'remoteIpDetails.country.countryName of the same remote',
  `service_count`    int       COMMENT 'service.count: occurrences aggregated into the finding so far',
  `archived`         boolean   COMMENT 'service.archived',
  `event_first_seen` timestamp COMMENT 'service.eventFirstSeen (UTC)',
  `event_last_seen`  timestamp COMMENT 'service.eventLastSeen (UTC)',
  `event_id`         string    COMMENT 'EventBridge event id; null for a truncated envelope or a bare finding',
  `detail_type`      string    COMMENT 'EventBridge detail-type as delivered; null when the envelope has none',
  `_source_object`   string    COMMENT 'landed object the row came from',
  `_arrival_ts`      timestamp COMMENT 'Firehose arrival time of the landed object (from its key)',
  `_ingested_at`     timestamp COMMENT 'start of the run that stored the row',
  `_run_id`          string    COMMENT 'run that stored the row'
)
COMMENT 'GuardDuty findings delivered through EventBridge, one row per distinct update of a finding (finding id + updated_at). The latest state of a finding is its row with the greatest updated_at.'
PARTITIONED BY (`dt` string)
STORED AS PARQUET
LOCATION 's3://${lake_bucket}/curated/guardduty_findings/'
TBLPROPERTIES ('parquet.compression'='SNAPPY')
