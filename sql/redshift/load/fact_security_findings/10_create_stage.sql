-- Session-scoped staging table: the latest update of each finding among the loaded partitions (Spark keeps one
-- row per finding_id, so the MERGE below never matches a target row twice).
CREATE TEMP TABLE stage_fact_security_findings (
    finding_id     VARCHAR(128),
    datekey        INTEGER,
    updated_at     TIMESTAMP,
    created_at     TIMESTAMP,
    account_id     VARCHAR(32),
    region         VARCHAR(32),
    finding_type   VARCHAR(256),
    severity       DOUBLE PRECISION,
    severity_label VARCHAR(16),
    resource_type  VARCHAR(64),
    instance_id    VARCHAR(64),
    action_type    VARCHAR(64),
    remote_ip      VARCHAR(64),
    remote_country VARCHAR(128),
    service_count  INTEGER,
    archived       BOOLEAN
)
