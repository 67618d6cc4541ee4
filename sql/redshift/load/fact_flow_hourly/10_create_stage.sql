-- Session-scoped staging table for one load's input rows (vanishes with the connection), in the column order of the
-- staged files. Spark aggregates vpc_flow_logs to about the fact's grain and computes interface_key (see
-- dim_network_interface); rows need not be fully aggregated, the insert sums them.
CREATE TEMP TABLE stage_fact_flow_hourly (
    datekey       INTEGER,
    hr            SMALLINT,
    interface_key BIGINT,
    account_id    VARCHAR(32),
    interface_id  VARCHAR(64),
    vpc_id        VARCHAR(64),
    subnet_id     VARCHAR(64),
    instance_id   VARCHAR(64),
    action        VARCHAR(16),
    protocol      INTEGER,
    flows         BIGINT,
    packets       BIGINT,
    bytes         BIGINT
)
