-- Object: ${schema}.dim_network_interface (dimension)
-- Grain:  one row per (account_id, interface_id) seen in VPC flow logs.
-- Columns:
--   interface_key BIGINT  surrogate key, deterministic: the first 8 bytes of
--                         SHA-256(account_id || '/' || interface_id) as a signed long, computed in Java
--                         (no IDENTITY, so reruns give the same keys in Redshift and PostgreSQL)
--   account_id    VARCHAR AWS account id
--   interface_id  VARCHAR elastic network interface id, e.g. 'eni-0a1b2c3d'
--   vpc_id        VARCHAR filled when the flow log format carries it, else NULL
--   subnet_id     VARCHAR filled when the flow log format carries it, else NULL
--   instance_id   VARCHAR filled when the flow log format carries it, else NULL
CREATE TABLE IF NOT EXISTS ${schema}.dim_network_interface (
    interface_key BIGINT      NOT NULL ENCODE RAW,
    account_id    VARCHAR(32) NOT NULL ENCODE ZSTD,
    interface_id  VARCHAR(64) NOT NULL ENCODE ZSTD,
    vpc_id        VARCHAR(64)          ENCODE ZSTD,
    subnet_id     VARCHAR(64)          ENCODE ZSTD,
    instance_id   VARCHAR(64)          ENCODE ZSTD,
    PRIMARY KEY (interface_key)
)
DISTSTYLE ALL
SORTKEY (interface_key);
