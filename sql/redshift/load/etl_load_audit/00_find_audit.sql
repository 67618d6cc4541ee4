-- Has this load already committed? Parameter: load_id. Returns the committed row count.
SELECT rows FROM ${schema}.etl_load_audit WHERE load_id = ?
