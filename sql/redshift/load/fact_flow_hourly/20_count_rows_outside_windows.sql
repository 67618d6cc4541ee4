-- Staged rows whose (datekey, hr) is not among the partitions the load replaces: must be 0, or a
-- rerun with other input would leave them behind.
SELECT COUNT(*)
FROM stage_fact_flow_hourly s
WHERE NOT EXISTS (SELECT 1 FROM stage_windows w WHERE w.datekey = s.datekey AND w.hr = s.hr)
