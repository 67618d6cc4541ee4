package io.tidemark.warehouse.model;

import io.tidemark.config.PartitionKey;
import io.tidemark.conform.PartitionMerger;
import io.tidemark.lake.PartitionVersion;
import io.tidemark.warehouse.DateKey;
import io.tidemark.warehouse.HourPartition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;

/**
 * The published versions of one curated dataset's partitions that a warehouse load reads: where its rows are, and
 * the identity of the load (same versions, same checksum, same load id, so a rerun is a no-op).
 */
public record PublishedPartitions(List<PartitionVersion> versions) {
    public PublishedPartitions {
        versions = versions.stream().sorted(Comparator.comparing(PartitionVersion::partition)).toList();
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("Cannot load from no published partitions");
        }
    }

    /** The partitions, sorted. */
    public List<PartitionKey> keys() {
        return versions.stream().map(PartitionVersion::partition).toList();
    }

    /** The partitions as Hive paths, e.g. {@code dt=2026-11-24}. */
    public List<String> paths() {
        return keys().stream().map(PartitionKey::path).toList();
    }

    /** SHA-256 hex over every partition's label and published location, sorted. */
    public String checksum() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            versions.stream().map(v -> v.partition().label() + "=" + v.location()).sorted()
                    .forEach(s -> sha.update((s + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The (datekey, hr) of each partition of an hourly ({@code dt}, {@code hr}) dataset. */
    public List<HourPartition> hours() {
        return keys().stream()
                .map(p -> HourPartition.of(LocalDate.parse(p.values().get("dt")), Integer.parseInt(p.values().get("hr"))))
                .sorted().toList();
    }

    /** The partitions as the audit row's label: {@code yyyyMMdd/HH} for hourly partitions, else {@code yyyyMMdd}. */
    public String label() {
        return keys().stream().map(p -> {
            String day = DateKey.of(LocalDate.parse(p.values().get("dt"))).toString();
            String hr = p.values().get("hr");
            return hr == null ? day : day + "/" + hr;
        }).sorted().collect(Collectors.joining(","));
    }

    /** A Spark filter selecting exactly these partitions of the dataset's table. */
    public Column filter() {
        List<String> columns = List.copyOf(versions.get(0).partition().values().keySet());
        return PartitionMerger.inPartitions(columns, keys());
    }
}
