-- Staged rows at the fact's grain (day, hour, interface, action, protocol), joined to the dimension.
INSERT INTO ${schema}.fact_flow_hourly
    (datekey, hr, interface_key, action, protocol, flows, packets, bytes)
SELECT s.datekey, s.hr, d.interface_key, s.action, s.protocol, SUM(s.flows), SUM(s.packets), SUM(s.bytes)
FROM stage_fact_flow_hourly s
JOIN ${schema}.dim_network_interface d
  ON d.account_id = s.account_id AND d.interface_id = s.interface_id
GROUP BY s.datekey, s.hr, d.interface_key, s.action, s.protocol
