-- The snapshot partitions (dt=yyyy-MM-dd) already loaded into dim_user, to refuse an older snapshot after a newer one.
SELECT "partition" FROM ${schema}.etl_load_audit WHERE dataset = 'dim_user'
