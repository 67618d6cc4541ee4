-- Session-scoped table of the (datekey, hr) partitions a load replaces.
CREATE TEMP TABLE stage_flow_hourly_partitions (
    datekey INTEGER,
    hr      SMALLINT
)
