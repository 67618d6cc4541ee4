-- Session-scoped staging table for one load's input rows (vanishes with the connection).
-- interface_key is computed in Java (see dim_network_interface).
CREATE TEMP TABLE stage_flow_hourly (
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
