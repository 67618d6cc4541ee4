package io.tidemark.lake;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Where table leases live: {@code <lakeRoot>/_tidemark/leases/<database>.<table>/<generation>}. A lease is a
 * sequence of generations; taking it means creating the next generation, which the store does atomically (it
 * refuses to create one that exists), so of two processes that try, exactly one gets it. The holder is the owner
 * of the highest generation while that one is neither expired nor released.
 */
public interface LeaseStore {
    /** The generations of the lease, ascending; empty if nobody ever took it. */
    List<Long> generations(String lease) throws IOException;

    /** The record of a generation; empty if it is gone or unreadable. */
    Optional<LeaseRecord> read(String lease, long generation) throws IOException;

    /** Creates the generation with this record, atomically: false (and nothing written) if it exists. */
    boolean create(String lease, long generation, LeaseRecord record) throws IOException;

    /** Replaces the record of a generation this process created (renewal, release). */
    void replace(String lease, long generation, LeaseRecord record) throws IOException;

    /** Deletes a generation; nothing if it is gone. */
    void delete(String lease, long generation) throws IOException;

    /**
     * The store of a lake: a folder on the local file system (atomic create by hard link), or an S3 bucket
     * ({@code s3://}, {@code s3a://}: a conditional write, {@code If-None-Match: *}).
     */
    static LeaseStore forLake(String lakeRoot, Configuration hadoopConf) {
        URI root = URI.create(lakeRoot.replace(" ", "%20"));
        // a path without a scheme is on Hadoop's default file system, as Spark reads it
        String scheme = root.getScheme() != null ? root.getScheme() : FileSystem.getDefaultUri(hadoopConf).getScheme();
        scheme = scheme == null ? "file" : scheme.toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "file" -> new LocalLeaseStore(java.nio.file.Path.of(root.getScheme() == null ? URI.create("file:" + root.getPath()) : root)
                    .resolve("_tidemark/leases"));
            case "s3", "s3a" -> new S3LeaseStore(S3ClientFactory.create(hadoopConf, root.getHost()), root.getHost(),
                    keyPrefix(root) + "_tidemark/leases/");
            default -> throw new io.tidemark.config.ConfigException("Cannot keep table leases in lakeRoot " + lakeRoot
                    + ": leases need a lake on the local file system (file:) or on S3 (s3://, s3a://)");
        };
    }

    private static String keyPrefix(URI root) {
        String path = root.getPath() == null ? "" : root.getPath();
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        return path.isEmpty() || path.endsWith("/") ? path : path + "/";
    }

    /** The name of a generation: zero-padded, so names sort as numbers. */
    static String generationName(long generation) {
        return String.format(Locale.ROOT, "%019d", generation);
    }

    /** The generation a name stands for, or -1 for another file (a temporary one). */
    static long generationOf(String name) {
        if (name.length() != 19 || !name.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(name);
    }
}
