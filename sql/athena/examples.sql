-- Example Athena queries over the curated lake. Each query also runs unchanged in Spark SQL
-- (`tidemark sql --lake "..."`), so they avoid dialect-specific functions and quoted identifiers.
-- Always filter on the partition columns dt (and hr) to limit the data Athena scans.
-- Each query starts at a line "-- query: <name>".

-- query: rejected_traffic_by_interface_day
-- Rejected flows per network interface and day.
SELECT dt,
       interface_id,
       COUNT(*)     AS flows,
       SUM(packets) AS total_packets,
       SUM(bytes)   AS total_bytes
FROM curated.vpc_flow_logs
WHERE dt BETWEEN '2026-11-01' AND '2026-11-30'
  AND action = 'REJECT'
GROUP BY dt, interface_id
ORDER BY dt, flows DESC;

-- query: top_talkers
-- Source/destination pairs that moved the most accepted bytes.
SELECT srcaddr,
       dstaddr,
       SUM(bytes)   AS total_bytes,
       SUM(packets) AS total_packets,
       COUNT(*)     AS flows
FROM curated.vpc_flow_logs
WHERE dt BETWEEN '2026-11-01' AND '2026-11-30'
  AND action = 'ACCEPT'
GROUP BY srcaddr, dstaddr
ORDER BY total_bytes DESC
LIMIT 20;

-- query: app_log_errors_by_log_group
-- Error lines per log group and day, with the first and last time each was seen.
SELECT dt,
       log_group,
       COUNT(*)      AS error_events,
       MIN(event_ts) AS first_seen,
       MAX(event_ts) AS last_seen
FROM curated.app_logs
WHERE dt BETWEEN '2026-11-01' AND '2026-11-30'
  AND (lower(message) LIKE '%error%' OR lower(message) LIKE '%exception%')
GROUP BY dt, log_group
ORDER BY error_events DESC, dt, log_group;

-- query: quarantine_by_reason
-- Quarantined records of the cwlogs job per day and reason code.
SELECT dt,
       reason_code,
       dataset,
       COUNT(*)                      AS records,
       COUNT(DISTINCT source_object) AS objects
FROM quarantine.cwlogs
WHERE dt BETWEEN '2026-11-01' AND '2026-11-30'
GROUP BY dt, reason_code, dataset
ORDER BY dt, records DESC;
