package io.tidemark.landing;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.s3a.S3AFileStatus;
import org.apache.hadoop.util.functional.FutureIO;

/**
 * Opens an S3A object with the status it was listed with ({@code openFile().withFileStatus}), so S3A checks the
 * listed ETag on every GET rather than one it looks up when opening. Loaded only for {@code s3a://} objects, so
 * runtimes without hadoop-aws never need its classes.
 */
final class S3aPinnedRead {
    private S3aPinnedRead() {
    }

    static InputStream open(FileSystem fs, Path path, long size, String etag) throws IOException {
        Path qualified = fs.makeQualified(path);
        S3AFileStatus listed = new S3AFileStatus(size, 0L, qualified, fs.getDefaultBlockSize(qualified), null, etag, null);
        return FutureIO.awaitFuture(fs.openFile(qualified).withFileStatus(listed).build());
    }
}
