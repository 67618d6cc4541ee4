-- The touched items that still have a live sale, each with the category of its newest live sale in fact_sales
-- (after the MERGE): derived from the target, so replays and stale changes cannot bring back an older category.
CREATE TEMP TABLE stage_items AS
SELECT latest.item_key, latest.item_id, latest.category
FROM (SELECT f.item_key, f.item_id, f.category,
             ROW_NUMBER() OVER (PARTITION BY f.item_key ORDER BY f.last_position DESC) AS newest
      FROM ${schema}.fact_sales f
      WHERE f.is_deleted = FALSE
        AND f.item_key IN (SELECT t.item_key FROM stage_touched_items t)) latest
WHERE latest.newest = 1
