-- New network interfaces: one row per key, with whatever vpc/subnet/instance the input knows.
INSERT INTO ${schema}.dim_network_interface
    (interface_key, account_id, interface_id, vpc_id, subnet_id, instance_id)
SELECT s.interface_key, s.account_id, s.interface_id, MAX(s.vpc_id), MAX(s.subnet_id), MAX(s.instance_id)
FROM stage_fact_flow_hourly s
WHERE NOT EXISTS (SELECT 1 FROM ${schema}.dim_network_interface d WHERE d.interface_key = s.interface_key)
GROUP BY s.interface_key, s.account_id, s.interface_id
