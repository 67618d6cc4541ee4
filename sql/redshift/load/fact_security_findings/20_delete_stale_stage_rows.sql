-- A staged update that is not newer than the stored one is stale (or a repeat): drop it before the MERGE, so the
-- MERGE (which has no per-clause condition on Redshift) only ever moves a finding forward.
DELETE FROM stage_fact_security_findings
USING ${schema}.fact_security_findings f
WHERE stage_fact_security_findings.finding_id = f.finding_id
  AND stage_fact_security_findings.updated_at <= f.updated_at
