-- Replace, never add: remove every fact row of the partitions this load covers.
DELETE FROM ${schema}.fact_flow_hourly
USING stage_windows w
WHERE ${schema}.fact_flow_hourly.datekey = w.datekey
  AND ${schema}.fact_flow_hourly.hr = w.hr
