package io.tidemark.warehouse.model;

import io.tidemark.config.PartitionKey;
import io.tidemark.lake.PartitionVersion;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * The published partition versions a model loads from: their partitions and a checksum of what they are (each
 * partition's label and version folder), the input identity of a warehouse load. The same versions give the same
 * checksum, so loading them again is a no-op; a republished partition (new version folder) gives a new one.
 */
public record PublishedVersions(List<PartitionVersion> versions) {
    public PublishedVersions {
        Objects.requireNonNull(versions, "versions is null");
        versions = versions.stream().sorted((a, b) -> a.partition().compareTo(b.partition())).toList();
    }

    /** The partitions, sorted. */
    public List<PartitionKey> partitions() {
        return versions.stream().map(PartitionVersion::partition).toList();
    }

    /** The partitions as Hive paths, e.g. {@code dt=2026-11-24}. */
    public List<String> paths() {
        return versions.stream().map(v -> v.partition().path()).toList();
    }

    /** SHA-256 hex over the sorted {@code label=location} lines. */
    public String checksum() {
        StringBuilder lines = new StringBuilder();
        versions.stream().map(v -> v.partition().label() + "=" + v.location()).sorted()
                .forEach(line -> lines.append(line).append('\n'));
        return HexFormat.of().formatHex(DigestUtils.sha256(lines.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
