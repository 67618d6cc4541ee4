package io.tidemark.catalog.glue;

import io.tidemark.config.DatasetSchema;
import io.tidemark.config.PartitionKey;
import io.tidemark.lake.PartitionVersion;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/** Hourly partition versions of one table under one lake folder, as the Glue catalog tests publish them. */
record HourlyVersions(DatasetSchema schema, String lake) {

    PartitionKey key(String dt, String hr) {
        return PartitionKey.of(schema.dataset(), schema.partitioning(), List.of(dt, hr));
    }

    String location(String runId, String dt, String hr) {
        return lake + "/v-" + runId + "/dt=" + dt + "/hr=" + hr;
    }

    PartitionVersion version(String runId, String dt, String hr) {
        return new PartitionVersion(key(dt, hr), location(runId, dt, hr));
    }

    /** {@code count} hourly partitions from 2026-11-01T00, in order. */
    List<PartitionVersion> versions(String runId, int count) {
        LocalDate first = LocalDate.of(2026, 11, 1);
        return IntStream.range(0, count)
                .mapToObj(i -> version(runId, first.plusDays(i / 24).toString(), String.format("%02d", i % 24)))
                .toList();
    }
}
