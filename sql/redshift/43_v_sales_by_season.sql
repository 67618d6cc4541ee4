-- Object: ${schema}.v_sales_by_season (BI view, QuickSight dataset)
-- Grain:  one row per season (dim_date.d_season) with live sales.
-- Columns:
--   d_season    VARCHAR Winter, Spring, Summer or Autumn (northern meteorological), of the order date
--   total_sales DECIMAL sum of price * quantity over the live sales (is_deleted = FALSE) ordered in that season
-- The seed's query over the loaded table; lake.v_sales_by_season_spectrum (sql/redshift/spectrum/) is the same
-- figure computed by Redshift Spectrum over the lake.
CREATE OR REPLACE VIEW ${schema}.v_sales_by_season AS
SELECT d.d_season,
       SUM(f.price * f.quantity) AS total_sales
FROM ${schema}.fact_sales f
JOIN ${schema}.dim_date d ON d.d_datekey = f.order_datekey
WHERE f.is_deleted = FALSE
GROUP BY d.d_season;
