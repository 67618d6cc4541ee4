-- Object: ${schema}.dim_item (dimension)
-- Grain:  one row per item_id sold (type 1: the category is overwritten, never versioned).
-- Columns:
--   item_key BIGINT  surrogate key, deterministic: the first 8 bytes of SHA-256(item_id) as a signed long,
--                    computed in Java (no IDENTITY, so reruns give the same keys in Redshift and PostgreSQL)
--   item_id  VARCHAR the source's item id (sales.item_id)
--   category VARCHAR the category of the item's newest live sale in fact_sales (by change position), refreshed
--                    by every load that changes one of the item's sales; an item whose sales are all deleted
--                    keeps its last category (and an item never seen live is not added)
-- Upserted by the sales load from fact_sales itself after the MERGE, in the same transaction, so a stale or
-- replayed change can never bring back an older category.
-- Small and joined by facts: replicated to all nodes (DISTSTYLE ALL).
CREATE TABLE IF NOT EXISTS ${schema}.dim_item (
    item_key BIGINT       NOT NULL ENCODE RAW,
    item_id  VARCHAR(64)  NOT NULL ENCODE ZSTD,
    category VARCHAR(128)          ENCODE ZSTD,
    PRIMARY KEY (item_key)
)
DISTSTYLE ALL
SORTKEY (item_key);
