-- Session-scoped staging table for one sales load: every change of the batch, in any order and with any repeats,
-- in the column order of the staged files (Spark computes change_position, item_key and order_datekey, and stages
-- a delete without values).
CREATE TEMP TABLE stage_sales_changes (
    sale_id           VARCHAR(128),
    op                CHAR(1),
    change_ts         TIMESTAMP,
    source_seq        VARCHAR(512),
    change_position   VARCHAR(1200),
    item_key          BIGINT,
    item_id           VARCHAR(64),
    category          VARCHAR(128),
    price             DECIMAL(18,4),
    quantity          INTEGER,
    order_date        TIMESTAMP,
    order_datekey     INTEGER,
    destination_state VARCHAR(64),
    shipping_type     VARCHAR(64),
    referral          VARCHAR(1024)
)
