-- Object: ${schema}.fact_sales (fact)
-- Grain:  one row per sale_id ever seen in sales_changes (Aurora trigger CSV, AWS DMS, Debezium), holding the
--         state after the newest change applied; deleted sales stay as tombstones (is_deleted = TRUE).
-- Columns:
--   sale_id           VARCHAR  source primary key; for the insert-only Aurora feed the SHA-256 hex of the CSV line
--   item_key          BIGINT   joins dim_item.item_key (SHA-256 of item_id, see dim_item)
--   item_id           VARCHAR  as in the source
--   category          VARCHAR  as in the source
--   price             DECIMAL  unit price (4 decimals)
--   quantity          INTEGER  units sold
--   order_date        TIMESTAMP order time (UTC)
--   order_datekey     INTEGER  yyyyMMdd of order_date (UTC), joins dim_date.d_datekey
--   destination_state VARCHAR
--   shipping_type     VARCHAR
--   referral          VARCHAR  NULL when the source has none
--   is_deleted        BOOLEAN  TRUE when the newest applied change is a delete: BI queries and views must filter
--                              is_deleted = FALSE. A tombstone keeps sale_id and the last_* columns only (its
--                              other columns are NULL), so its content never depends on how changes were batched.
--   last_op           CHAR     op of the newest applied change: I, U or D
--   last_change_ts    TIMESTAMP change_ts of the newest applied change
--   last_source_seq   VARCHAR  source_seq of the newest applied change
--   last_position     VARCHAR  the newest applied change's position, a collation-proof sortable key in lower-case
--                              hex: change_ts (16 hex digits of epoch microseconds, sign bit flipped), the UTF-8
--                              bytes of source_seq in hex, '00', then change_key. A change whose position is not
--                              greater is stale and ignored, also after a delete (the tombstone keeps it).
-- Loaded by MERGE from a staged set with one row per sale_id (the batch's last writer by change_ts, source_seq,
-- then change_key), in one transaction guarded by etl_load_audit.
-- Distributed on sale_id (MERGE joins on it; even spread), sorted by order date for date-range scans.
CREATE TABLE IF NOT EXISTS ${schema}.fact_sales (
    sale_id           VARCHAR(128)  NOT NULL ENCODE ZSTD,
    item_key          BIGINT                 ENCODE AZ64,
    item_id           VARCHAR(64)            ENCODE ZSTD,
    category          VARCHAR(128)           ENCODE ZSTD,
    price             DECIMAL(18,4)          ENCODE AZ64,
    quantity          INTEGER                ENCODE AZ64,
    order_date        TIMESTAMP              ENCODE AZ64,
    order_datekey     INTEGER                ENCODE RAW,
    destination_state VARCHAR(64)            ENCODE ZSTD,
    shipping_type     VARCHAR(64)            ENCODE ZSTD,
    referral          VARCHAR(1024)          ENCODE ZSTD,
    is_deleted        BOOLEAN       NOT NULL ENCODE RAW,
    last_op           CHAR(1)       NOT NULL ENCODE ZSTD,
    last_change_ts    TIMESTAMP     NOT NULL ENCODE AZ64,
    last_source_seq   VARCHAR(512)  NOT NULL ENCODE ZSTD,
    last_position     VARCHAR(1200) NOT NULL ENCODE ZSTD,
    PRIMARY KEY (sale_id)
)
DISTSTYLE KEY
DISTKEY (sale_id)
COMPOUND SORTKEY (order_datekey);
