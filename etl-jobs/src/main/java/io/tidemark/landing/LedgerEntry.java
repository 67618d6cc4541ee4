package io.tidemark.landing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tidemark.config.PartitionKey;
import java.util.List;

/**
 * One processed object in the ledger: the object's key, size and version tag (ETag or modification time), the
 * MD5 of the bytes actually read, the run that processed it and the event partitions it fed (in the file, their labels
 * {@code <dataset>/dt=.../hr=...}, as every release wrote them); for a backfill run,
 * the backfill's range (absent for scheduled runs).
 */
public record LedgerEntry(
        @JsonProperty("uri") String uri,
        @JsonProperty("size") long size,
        @JsonProperty("version") String version,
        @JsonProperty("md5") String md5,
        @JsonProperty("run_id") String runId,
        @JsonProperty("window") String window,
        @JsonProperty("partitions") List<PartitionKey> partitions,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("backfill") String backfill) {

    public LedgerEntry {
        partitions = List.copyOf(partitions == null ? List.of() : partitions);
    }

    public String identity() {
        return new LandingObject(uri, size, version).identity();
    }
}
