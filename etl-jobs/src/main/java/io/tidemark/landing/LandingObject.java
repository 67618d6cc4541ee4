package io.tidemark.landing;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * A landed object as listed: its full URI, size, and a version tag that changes when the object is rewritten
 * (the S3 ETag where the file system reports one, else the modification time).
 */
public record LandingObject(String uri, long size, String version) implements Serializable {
    public LandingObject {
        requireNonNull(uri, "uri is null");
        requireNonNull(version, "version is null");
    }

    /** The S3 ETag the object was listed with, if its file system reports one. */
    public java.util.Optional<String> etag() {
        return version.startsWith(ETAG) ? java.util.Optional.of(version.substring(ETAG.length())) : java.util.Optional.empty();
    }

    /** Prefix of a version tag that is an S3 ETag ({@code etag:<etag>}); other tags are {@code mtime:<millis>}. */
    public static final String ETAG = "etag:";

    /** Identity used by the ledger: an object is new when this was never recorded. */
    public String identity() {
        return uri + "|" + size + "|" + version;
    }
}
