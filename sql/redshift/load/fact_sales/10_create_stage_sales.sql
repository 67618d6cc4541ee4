-- Session-scoped staging table for one sales load: the batch's last change per sale_id (one row per sale_id,
-- as Redshift's MERGE requires). item_key, order_datekey and change_position are computed in Java.
CREATE TEMP TABLE stage_sales (
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
