-- Known interfaces: fill vpc/subnet/instance that were unknown so far; known values are kept, so
-- reloading an older window never rewrites a newer one's attributes. The subquery's columns are
-- renamed so every unqualified column below is the target's (portable to Redshift and PostgreSQL).
UPDATE ${schema}.dim_network_interface
SET vpc_id      = COALESCE(vpc_id, s.known_vpc_id),
    subnet_id   = COALESCE(subnet_id, s.known_subnet_id),
    instance_id = COALESCE(instance_id, s.known_instance_id)
FROM (SELECT interface_key    AS known_key,
             MAX(vpc_id)      AS known_vpc_id,
             MAX(subnet_id)   AS known_subnet_id,
             MAX(instance_id) AS known_instance_id
      FROM stage_fact_flow_hourly
      GROUP BY interface_key) s
WHERE interface_key = s.known_key
  AND ((vpc_id IS NULL AND s.known_vpc_id IS NOT NULL)
    OR (subnet_id IS NULL AND s.known_subnet_id IS NOT NULL)
    OR (instance_id IS NULL AND s.known_instance_id IS NOT NULL))
