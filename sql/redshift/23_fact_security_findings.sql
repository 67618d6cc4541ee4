-- Object: ${schema}.fact_security_findings (fact, current state)
-- Grain:  one row per GuardDuty finding: its latest update (greatest updated_at) seen so far.
-- Columns:
--   finding_id     VARCHAR          finding id
--   datekey        INTEGER          yyyyMMdd of updated_at (UTC), joins dim_date.d_datekey
--   updated_at     TIMESTAMP        time of the finding's latest update (UTC)
--   created_at     TIMESTAMP        when the finding was first created (UTC)
--   account_id     VARCHAR          account the finding belongs to
--   region         VARCHAR          region of the finding
--   finding_type   VARCHAR          ThreatPurpose:ResourceType/ThreatFamily.DetectionMechanism!Artifact
--   severity       DOUBLE PRECISION severity as a number
--   severity_label VARCHAR          Low, Medium or High
--   resource_type  VARCHAR          Instance, AccessKey, S3Bucket, ...
--   instance_id    VARCHAR          the instance of an Instance finding, else NULL
--   action_type    VARCHAR          NETWORK_CONNECTION, PORT_PROBE, AWS_API_CALL, DNS_REQUEST, ...
--   remote_ip      VARCHAR          remote IPv4 of the action, else NULL
--   remote_country VARCHAR          country of that remote, else NULL
--   service_count  INTEGER          occurrences aggregated into the finding so far
--   archived       BOOLEAN          archived in GuardDuty
-- Loaded by MERGE on finding_id in one transaction, guarded by etl_load_audit: a staged update replaces the row
-- only when it is newer (greater updated_at); a stale or repeated update is ignored. Distributed on the finding
-- id (the MERGE key: co-located), sorted by the date of the latest update. The first sort-key column stays RAW.
CREATE TABLE IF NOT EXISTS ${schema}.fact_security_findings (
    finding_id     VARCHAR(128)     NOT NULL ENCODE ZSTD,
    datekey        INTEGER          NOT NULL ENCODE RAW,
    updated_at     TIMESTAMP        NOT NULL ENCODE AZ64,
    created_at     TIMESTAMP                 ENCODE AZ64,
    account_id     VARCHAR(32)               ENCODE ZSTD,
    region         VARCHAR(32)               ENCODE ZSTD,
    finding_type   VARCHAR(256)              ENCODE ZSTD,
    severity       DOUBLE PRECISION          ENCODE ZSTD,
    severity_label VARCHAR(16)               ENCODE ZSTD,
    resource_type  VARCHAR(64)               ENCODE ZSTD,
    instance_id    VARCHAR(64)               ENCODE ZSTD,
    action_type    VARCHAR(64)               ENCODE ZSTD,
    remote_ip      VARCHAR(64)               ENCODE ZSTD,
    remote_country VARCHAR(128)              ENCODE ZSTD,
    service_count  INTEGER                   ENCODE AZ64,
    archived       BOOLEAN                   ENCODE RAW,
    PRIMARY KEY (finding_id)
)
DISTSTYLE KEY
DISTKEY (finding_id)
SORTKEY (datekey);
