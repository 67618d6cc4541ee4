package io.tidemark.lake;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;

/**
 * Names the S3 endpoint behind an {@code s3a://} URI from the S3A settings (per-bucket {@code fs.s3a.bucket.<b>.endpoint},
 * else {@code fs.s3a.endpoint}, else the region's), so a storage failure says where the run tried to go; S3A's
 * own messages name the path only.
 */
public final class StorageEndpoint {
    private static final Pattern S3A_URI = Pattern.compile("s3a://[^/\\s:]+");

    private StorageEndpoint() {
    }

    /** {@code " (S3 endpoint http://..., bucket b)"} for an {@code s3a://} URI, empty for other file systems. */
    public static String of(String uri, Configuration conf) {
        URI parsed;
        try {
            parsed = URI.create(uri);
        } catch (IllegalArgumentException e) {
            return "";
        }
        if (!"s3a".equals(parsed.getScheme()) || parsed.getHost() == null) {
            return "";
        }
        String bucket = parsed.getHost();
        String endpoint = conf.getTrimmed("fs.s3a.bucket." + bucket + ".endpoint", conf.getTrimmed("fs.s3a.endpoint", ""));
        if (endpoint.isEmpty()) {
            endpoint = "of region " + conf.getTrimmed("fs.s3a.bucket." + bucket + ".endpoint.region",
                    conf.getTrimmed("fs.s3a.endpoint.region", "(the SDK's default)"));
        }
        return " (S3 endpoint " + endpoint + ", bucket " + bucket + ")";
    }

    /**
     * A storage failure somewhere in {@code failure}'s causes: the first {@code s3a://} path an {@link IOException}
     * names, with its endpoint; empty when no cause is such an I/O failure.
     */
    public static Optional<String> failureOf(Throwable failure, Configuration conf) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException && t.getMessage() != null) {
                Matcher uri = S3A_URI.matcher(t.getMessage());
                if (uri.find()) {
                    return Optional.of(t.getMessage() + of(uri.group(), conf));
                }
            }
        }
        return Optional.empty();
    }
}
