/**
 * What Firehose wrote: window discovery by prefix, object listing pinned to ETags, decompression and framing
 * (gzip members, Snappy, zip), line/JSON/CSV readers, the ledger of objects already curated, quarantine records.
 */
package io.tidemark.landing;
