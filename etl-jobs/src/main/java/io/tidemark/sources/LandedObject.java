package io.tidemark.sources;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A landed object as a parser sees it.
 *
 * @param uri         full URI, copied into every row ({@code _source_object}) and quarantine record
 * @param key         the key relative to the landing root, e.g. {@code ses/2026/11/24/10/ses-1-2026-...}
 * @param arrival     Firehose's arrival time from the object key (the fallback event time), or null when the
 *                    key is not a Firehose key
 * @param errorOutput the Firehose error-output type when the object sits under one
 *                    ({@code processing-failed}, {@code format-conversion-failed}, ...), else null
 * @param windowDate  the date of the landing window being processed
 * @param partitionValues the dynamic partitioning key values read from the key against the job's
 *                    {@code landingPrefix} ({@code !{partitionKeyFromQuery:k}}, {@code !{partitionKeyFromLambda:k}}),
 *                    by key name; empty when the prefix has none or the key was not written under it
 */
public record LandedObject(String uri, String key, Instant arrival, String errorOutput, LocalDate windowDate,
                           Map<String, String> partitionValues)
        implements Serializable {
    public LandedObject {
        requireNonNull(uri, "uri is null");
        requireNonNull(key, "key is null");
        requireNonNull(windowDate, "windowDate is null");
        partitionValues = partitionValues == null ? Map.of() : Map.copyOf(partitionValues);
    }

    /** An object whose key carries no dynamic partitioning key values. */
    public LandedObject(String uri, String key, Instant arrival, String errorOutput, LocalDate windowDate) {
        this(uri, key, arrival, errorOutput, windowDate, Map.of());
    }

    /** The file name: the last segment of the key. */
    public String fileName() {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? key : key.substring(slash + 1);
    }
}
