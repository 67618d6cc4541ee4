-- Object: schema ${schema}
-- Grain:  n/a (namespace). Holds the Tidemark star schema: dimensions, facts, bookkeeping and BI views.
CREATE SCHEMA IF NOT EXISTS ${schema};
