-- The load's audit row, committed with its data. Parameters: load_id, dataset, partition, rows,
-- checksum, run_id, loaded_at.
INSERT INTO ${schema}.etl_load_audit (load_id, dataset, "partition", rows, checksum, run_id, loaded_at)
VALUES (?, ?, ?, ?, ?, ?, ?)
