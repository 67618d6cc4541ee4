-- Upsert the remaining (newer) updates on finding_id: update the finding's row, or insert a new finding.
MERGE INTO ${schema}.fact_security_findings
USING stage_fact_security_findings s
ON ${schema}.fact_security_findings.finding_id = s.finding_id
WHEN MATCHED THEN UPDATE SET
    datekey = s.datekey, updated_at = s.updated_at, created_at = s.created_at, account_id = s.account_id,
    region = s.region, finding_type = s.finding_type, severity = s.severity, severity_label = s.severity_label,
    resource_type = s.resource_type, instance_id = s.instance_id, action_type = s.action_type,
    remote_ip = s.remote_ip, remote_country = s.remote_country, service_count = s.service_count,
    archived = s.archived
WHEN NOT MATCHED THEN INSERT
    (finding_id, datekey, updated_at, created_at, account_id, region, finding_type, severity, severity_label,
     resource_type, instance_id, action_type, remote_ip, remote_country, service_count, archived)
VALUES
    (s.finding_id, s.datekey, s.updated_at, s.created_at, s.account_id, s.region, s.finding_type, s.severity,
     s.severity_label, s.resource_type, s.instance_id, s.action_type, s.remote_ip, s.remote_country,
     s.service_count, s.archived)
