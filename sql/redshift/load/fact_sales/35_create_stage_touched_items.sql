-- The items the staged (non-stale) changes touch, before the MERGE: the items they write and the items of the
-- target rows they change (an update may move a sale to another item, a delete removes it from its item).
CREATE TEMP TABLE stage_touched_items AS
SELECT s.item_key FROM stage_sales s WHERE s.item_key IS NOT NULL
UNION
SELECT f.item_key FROM ${schema}.fact_sales f JOIN stage_sales s ON s.sale_id = f.sale_id WHERE f.item_key IS NOT NULL
