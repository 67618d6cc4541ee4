-- The batch collapsed to the last change per sale_id, by change_position (change_ts, then source_seq, then
-- change_key: a total order). Applying a sale's changes one by one, each a full row image or a delete, ends in the
-- state of its last change, so this set is what the batch does to the sale; a delete followed by a reinsert in the
-- batch collapses to the reinsert. One row per sale_id, as Redshift's MERGE requires (a repeated change has one
-- position, and either copy is the same change).
CREATE TEMP TABLE stage_sales AS
SELECT ranked.sale_id, ranked.op, ranked.change_ts, ranked.source_seq, ranked.change_position, ranked.item_key,
       ranked.item_id, ranked.category, ranked.price, ranked.quantity, ranked.order_date, ranked.order_datekey,
       ranked.destination_state, ranked.shipping_type, ranked.referral
FROM (SELECT c.*, ROW_NUMBER() OVER (PARTITION BY c.sale_id ORDER BY c.change_position DESC) AS newest
      FROM stage_sales_changes c) ranked
WHERE ranked.newest = 1
