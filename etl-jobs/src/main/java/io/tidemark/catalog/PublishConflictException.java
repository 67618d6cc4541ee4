package io.tidemark.catalog;

import io.tidemark.config.PartitionKey;
import java.util.Optional;

/**
 * A partition's published location is no longer the one the merge read: another process published it meanwhile.
 * Publishing over it would lose that process's rows; the run merges again against the new version instead.
 */
public final class PublishConflictException extends RuntimeException {
    private final TableRef table;
    private final PartitionKey partition;

    PublishConflictException(TableRef table, PartitionKey partition, Optional<String> expected, Optional<String> found) {
        super("Cannot publish partition " + partition.path() + " of " + table + ": another run published it since this run"
                + " read it (read " + expected.orElse("no published version") + ", now " + found.orElse("no published version") + ")");
        this.table = table;
        this.partition = partition;
    }

    public TableRef table() {
        return table;
    }

    public PartitionKey partition() {
        return partition;
    }
}
