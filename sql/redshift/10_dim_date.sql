-- Object: ${schema}.dim_date (dimension)
-- Grain:  one row per calendar day in [warehouse.dimDateFrom, warehouse.dimDateTo], generated in Java.
-- Columns:
--   d_datekey     INTEGER  day as yyyyMMdd (primary key, joins fact *.datekey)
--   d_dayofmonth  SMALLINT 1-31
--   d_monthnum    SMALLINT 1-12
--   d_dayofweek   VARCHAR  English day name, e.g. 'Monday'
--   d_prettydate  DATE     the day itself
--   d_quarter     SMALLINT 1-4
--   d_half        SMALLINT 1 (Jan-Jun) or 2 (Jul-Dec)
--   d_year        SMALLINT calendar year
--   d_season      VARCHAR  northern meteorological season: Winter (Dec-Feb), Spring (Mar-May),
--                          Summer (Jun-Aug), Autumn (Sep-Nov)
--   d_fiscalyear  SMALLINT fiscal year; Tidemark's fiscal year is the calendar year
-- Small and joined by every fact: replicated to all nodes (DISTSTYLE ALL).
CREATE TABLE IF NOT EXISTS ${schema}.dim_date (
    d_datekey    INTEGER     NOT NULL ENCODE RAW,
    d_dayofmonth SMALLINT    NOT NULL ENCODE AZ64,
    d_monthnum   SMALLINT    NOT NULL ENCODE AZ64,
    d_dayofweek  VARCHAR(9)  NOT NULL ENCODE ZSTD,
    d_prettydate DATE        NOT NULL ENCODE AZ64,
    d_quarter    SMALLINT    NOT NULL ENCODE AZ64,
    d_half       SMALLINT    NOT NULL ENCODE AZ64,
    d_year       SMALLINT    NOT NULL ENCODE AZ64,
    d_season     VARCHAR(6)  NOT NULL ENCODE ZSTD,
    d_fiscalyear SMALLINT    NOT NULL ENCODE AZ64,
    PRIMARY KEY (d_datekey)
)
DISTSTYLE ALL
SORTKEY (d_datekey);
