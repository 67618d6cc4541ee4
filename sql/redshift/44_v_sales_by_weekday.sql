-- Object: ${schema}.v_sales_by_weekday (BI view, QuickSight dataset)
-- Grain:  one row per day of the week (dim_date.d_dayofweek) with live sales.
-- Columns:
--   d_dayofweek VARCHAR English day name of the order date, e.g. 'Tuesday'
--   total_sales DECIMAL sum of price * quantity over the live sales (is_deleted = FALSE) ordered on that weekday
CREATE OR REPLACE VIEW ${schema}.v_sales_by_weekday AS
SELECT d.d_dayofweek,
       SUM(f.price * f.quantity) AS total_sales
FROM ${schema}.fact_sales f
JOIN ${schema}.dim_date d ON d.d_datekey = f.order_datekey
WHERE f.is_deleted = FALSE
GROUP BY d.d_dayofweek;
