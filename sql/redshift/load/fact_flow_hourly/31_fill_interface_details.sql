-- Known interfaces: fill vpc/subnet/instance that were unknown so far; known values are kept, so
-- reloading an older window never rewrites a newer one's attributes.
UPDATE ${schema}.dim_network_interface
SET vpc_id      = COALESCE(${schema}.dim_network_interface.vpc_id, s.vpc_id),
    subnet_id   = COALESCE(${schema}.dim_network_interface.subnet_id, s.subnet_id),
    instance_id = COALESCE(${schema}.dim_network_interface.instance_id, s.instance_id)
FROM (SELECT interface_key, MAX(vpc_id) AS vpc_id, MAX(subnet_id) AS subnet_id, MAX(instance_id) AS instance_id
      FROM stage_flow_hourly
      GROUP BY interface_key) s
WHERE ${schema}.dim_network_interface.interface_key = s.interface_key
  AND ((${schema}.dim_network_interface.vpc_id IS NULL AND s.vpc_id IS NOT NULL)
    OR (${schema}.dim_network_interface.subnet_id IS NULL AND s.subnet_id IS NOT NULL)
    OR (${schema}.dim_network_interface.instance_id IS NULL AND s.instance_id IS NOT NULL))
