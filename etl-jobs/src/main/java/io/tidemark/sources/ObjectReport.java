package io.tidemark.sources;

import java.io.Serializable;
import java.util.List;

/**
 * What one landed object yielded.
 *
 * @param rowsIn          records read: rows emitted to curated datasets plus records quarantined
 * @param controlMessages expected traffic that carries no data (CloudWatch Logs CONTROL_MESSAGE)
 * @param partitions      curated partitions the object fed, {@code <dataset>/dt=.../hr=...}
 */
public record ObjectReport(String uri, long size, String version, String md5, long rowsIn, long controlMessages,
                           long quarantined, List<String> partitions) implements Serializable {
    public ObjectReport {
        partitions = List.copyOf(partitions);
    }
}
