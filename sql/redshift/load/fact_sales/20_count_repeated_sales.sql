-- Staged rows beyond one per sale_id: must be 0. Redshift's MERGE fails when a target row matches two source
-- rows and, not enforcing primary keys, would insert an unmatched sale twice.
SELECT COUNT(*) - COUNT(DISTINCT sale_id) FROM stage_sales
