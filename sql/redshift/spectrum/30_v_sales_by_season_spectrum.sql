-- Object: ${schema}.v_sales_by_season_spectrum (BI view over Redshift Spectrum; Redshift only)
-- Grain:  one row per season (dim_date.d_season) with live sales.
-- Columns:
--   d_season    VARCHAR Winter, Spring, Summer or Autumn (northern meteorological), of the order date
--   total_sales DECIMAL sum of price * quantity over the sales whose last change (by change_ts, source_seq,
--                       change_key) is not a delete
-- The seed's query, computed from the lake instead of fact_sales: the current state of each sale is derived
-- from the external table lake.sales_changes and joined with the local dim_date. A view over an external table
-- must be late-binding (WITH NO SCHEMA BINDING). On the embedded PostgreSQL, which cannot read S3, the same figures
-- come from ${schema}.v_sales_by_season over the loaded fact_sales.
CREATE OR REPLACE VIEW ${schema}.v_sales_by_season_spectrum AS
SELECT d.d_season,
       SUM(CAST(s.price AS DECIMAL(18,4)) * s.quantity) AS total_sales
FROM (SELECT c.op, c.price, c.quantity, c.order_date,
             ROW_NUMBER() OVER (PARTITION BY c.sale_id
                                ORDER BY c.change_ts DESC, c.source_seq DESC, c.change_key DESC) AS newest
      FROM lake.sales_changes c) s
JOIN ${schema}.dim_date d ON d.d_datekey = CAST(TO_CHAR(s.order_date, 'YYYYMMDD') AS INTEGER)
WHERE s.newest = 1
  AND s.op <> 'D'
GROUP BY d.d_season
WITH NO SCHEMA BINDING
