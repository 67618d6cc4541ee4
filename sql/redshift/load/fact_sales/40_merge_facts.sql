-- Apply the staged changes (stale ones are gone by now): an insert or update sets the values and revives a
-- tombstone; a delete, staged with NULL values, leaves a tombstone (is_deleted) that keeps only the delete's
-- position, so its content never depends on how changes were batched. Redshift's MERGE has no target alias and no
-- conditional WHEN clauses: the target is named in full and the delete flag is a CASE.
MERGE INTO ${schema}.fact_sales
USING stage_sales s
ON ${schema}.fact_sales.sale_id = s.sale_id
WHEN MATCHED THEN UPDATE SET
    item_key          = s.item_key,
    item_id           = s.item_id,
    category          = s.category,
    price             = s.price,
    quantity          = s.quantity,
    order_date        = s.order_date,
    order_datekey     = s.order_datekey,
    destination_state = s.destination_state,
    shipping_type     = s.shipping_type,
    referral          = s.referral,
    is_deleted        = CASE WHEN s.op = 'D' THEN TRUE ELSE FALSE END,
    last_op           = s.op,
    last_change_ts    = s.change_ts,
    last_source_seq   = s.source_seq,
    last_position     = s.change_position
WHEN NOT MATCHED THEN INSERT
    (sale_id, item_key, item_id, category, price, quantity, order_date, order_datekey, destination_state,
     shipping_type, referral, is_deleted, last_op, last_change_ts, last_source_seq, last_position)
VALUES
    (s.sale_id, s.item_key, s.item_id, s.category, s.price, s.quantity, s.order_date, s.order_datekey,
     s.destination_state, s.shipping_type, s.referral, CASE WHEN s.op = 'D' THEN TRUE ELSE FALSE END, s.op,
     s.change_ts, s.source_seq, s.change_position)
