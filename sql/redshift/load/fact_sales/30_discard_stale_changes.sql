-- Stale changes: the target already applied a change at the same or a newer position (also a delete, whose
-- tombstone keeps its position). They are dropped from the staged set before the MERGE.
DELETE FROM stage_sales
USING ${schema}.fact_sales f
WHERE stage_sales.sale_id = f.sale_id
  AND stage_sales.change_position <= f.last_position
