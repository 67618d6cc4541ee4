-- Object: external schema lake (Redshift Spectrum; Redshift only, never applied to PostgreSQL)
-- Grain:  n/a (namespace). Exposes the catalog database of the curated tables (AWS Glue Data Catalog) to
--         Redshift, read through Spectrum. Tidemark registers every curated table and partition in that
--         database itself, so on AWS this statement alone makes lake.<dataset> queryable; the external table
--         and partition DDL that `tidemark spectrum-ddl` prints is for a catalog database Tidemark does not
--         maintain. Placeholders: ${curated_database} (catalog.curatedDatabase), ${iam_role} (a role Redshift
--         can assume, with Glue read and S3 read on the lake).
CREATE EXTERNAL SCHEMA IF NOT EXISTS lake
FROM DATA CATALOG DATABASE '${curated_database}'
IAM_ROLE '${iam_role}'
CREATE EXTERNAL DATABASE IF NOT EXISTS
