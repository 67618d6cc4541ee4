-- Upsert dim_item (type 1): new items are added, known ones take the current category. One source row per
-- item_key by construction.
MERGE INTO ${schema}.dim_item
USING stage_items s
ON ${schema}.dim_item.item_key = s.item_key
WHEN MATCHED THEN UPDATE SET
    category = s.category
WHEN NOT MATCHED THEN INSERT (item_key, item_id, category)
VALUES (s.item_key, s.item_id, s.category)
