-- Object: ${schema}.v_flow_rejects_daily (BI view, QuickSight dataset)
-- Grain:  one row per day and network interface id that had rejected flows.
-- Columns:
--   d_prettydate DATE    the day (dim_date)
--   interface_id VARCHAR network interface id (dim_network_interface)
--   flows        BIGINT  sum of fact_flow_hourly.flows over action = 'REJECT'
--   bytes        BIGINT  sum of fact_flow_hourly.bytes over action = 'REJECT'
CREATE OR REPLACE VIEW ${schema}.v_flow_rejects_daily AS
SELECT d.d_prettydate,
       n.interface_id,
       CAST(SUM(f.flows) AS BIGINT) AS flows,
       CAST(SUM(f.bytes) AS BIGINT) AS bytes
FROM ${schema}.fact_flow_hourly f
JOIN ${schema}.dim_date d ON d.d_datekey = f.datekey
JOIN ${schema}.dim_network_interface n ON n.interface_key = f.interface_key
WHERE f.action = 'REJECT'
GROUP BY d.d_prettydate, n.interface_id;
