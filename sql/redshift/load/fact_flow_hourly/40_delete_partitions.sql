-- Replace, never add: remove every fact row of the partitions this load covers.
DELETE FROM ${schema}.fact_flow_hourly
USING stage_flow_hourly_partitions p
WHERE ${schema}.fact_flow_hourly.datekey = p.datekey
  AND ${schema}.fact_flow_hourly.hr = p.hr
