-- Object: ${schema}.fact_flow_hourly (fact)
-- Grain:  one row per day, hour, network interface, action and protocol.
-- Columns:
--   datekey       INTEGER  yyyyMMdd of the flow's start (UTC), joins dim_date.d_datekey
--   hr            SMALLINT hour of day 0-23 (UTC)
--   interface_key BIGINT   joins dim_network_interface.interface_key
--   action        VARCHAR  'ACCEPT' or 'REJECT'
--   protocol      INTEGER  IANA protocol number (6 TCP, 17 UDP, ...)
--   flows         BIGINT   number of flow log records
--   packets       BIGINT   sum of packets
--   bytes         BIGINT   sum of bytes
-- Loaded per (datekey, hr) partition by delete-then-insert in one transaction, guarded by etl_load_audit.
-- Distributed on the interface key (co-located with its dimension rows' joins), sorted by time so
-- partition deletes and date-range scans touch few blocks. The first sort-key column stays RAW.
CREATE TABLE IF NOT EXISTS ${schema}.fact_flow_hourly (
    datekey       INTEGER     NOT NULL ENCODE RAW,
    hr            SMALLINT    NOT NULL ENCODE AZ64,
    interface_key BIGINT      NOT NULL ENCODE AZ64,
    action        VARCHAR(16) NOT NULL ENCODE ZSTD,
    protocol      INTEGER     NOT NULL ENCODE AZ64,
    flows         BIGINT      NOT NULL ENCODE AZ64,
    packets       BIGINT      NOT NULL ENCODE AZ64,
    bytes         BIGINT      NOT NULL ENCODE AZ64,
    PRIMARY KEY (datekey, hr, interface_key, action, protocol)
)
DISTSTYLE KEY
DISTKEY (interface_key)
COMPOUND SORTKEY (datekey, hr);
