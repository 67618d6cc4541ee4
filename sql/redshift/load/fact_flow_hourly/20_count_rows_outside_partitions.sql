-- Staged rows whose (datekey, hr) is not among the partitions the load replaces: must be 0, or a
-- rerun with other input would leave them behind.
SELECT COUNT(*)
FROM stage_flow_hourly s
WHERE NOT EXISTS (SELECT 1 FROM stage_flow_hourly_partitions p WHERE p.datekey = s.datekey AND p.hr = s.hr)
