package io.tidemark.bench;

/**
 * One measurement of a no-new-data rerun over a lake of some size.
 *
 * @param days          days of landing curated into the lake
 * @param partitions    curated partitions registered in the catalog
 * @param ledgerFiles   ledger files of the job
 * @param rerunMs       median wall time of the whole rerun (discover, ledger, decide nothing is new)
 * @param discoverMs    median time of listing the window's landed objects
 * @param ledgerMs      median time of reading what the ledger says is processed for the window
 * @param ledgerEntries ledger entries read by one rerun
 */
public record RerunTiming(int days, long partitions, long ledgerFiles, double rerunMs, double discoverMs, double ledgerMs,
        long ledgerEntries) {
}
