package io.tidemark.landing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A landed object's bytes as they were when the object was listed. On S3A ({@code s3a://}) the read is pinned to
 * the listed ETag: every GET carries it ({@code If-Match}, S3A's change detection, {@code fs.s3a.change.detection.*}
 * at their defaults: source {@code etag}, mode {@code server}), so an object rewritten after the listing fails
 * its read instead of giving new bytes, or a mix of old and new ones after a reconnect. {@link #changed()} then
 * says so and the caller drops what it read: the object is left for the next run, which lists its new ETag.
 * Other file systems (a local folder, EMRFS {@code s3://}) are read as they are.
 */
public final class ListedObjectStream extends FilterInputStream {
    private static final String S3A_CHANGE = "org.apache.hadoop.fs.s3a.RemoteFileChangedException";
    private boolean changed;

    private ListedObjectStream(InputStream in) {
        super(in);
    }

    public static ListedObjectStream open(Configuration conf, LandingObject object) throws IOException {
        Path path = new Path(object.uri());
        FileSystem fs = FileSystem.get(path.toUri(), conf);
        InputStream in = "s3a".equals(fs.getScheme()) && object.etag().isPresent()
                ? S3aPinnedRead.open(fs, path, object.size(), object.etag().get())
                : fs.open(path);
        return new ListedObjectStream(in);
    }

    /** Whether a read failed because the object no longer has the listed ETag. */
    public boolean changed() {
        return changed;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw noted(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            throw noted(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException e) {
            throw noted(e);
        }
    }

    private IOException noted(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals(S3A_CHANGE)) {
                changed = true;
            }
        }
        return e;
    }
}
