package io.tidemark.landing;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.EtagSource;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/** Lists the landed objects of one window (any Hadoop file system: {@code file:}, {@code s3a:}, {@code s3:}). */
public final class ObjectDiscovery {
    private final Configuration conf;

    public ObjectDiscovery(Configuration conf) {
        this.conf = conf;
    }

    /** Every object under {@code <landingRoot>/<window prefix>}, sorted by URI; empty when the prefix does not exist. */
    public List<LandingObject> list(String landingRoot, String landingPrefix, LandingWindow window) {
        Path prefix = new Path(landingRoot + "/" + window.prefixUnder(landingPrefix));
        List<LandingObject> objects = new ArrayList<>();
        try {
            FileSystem fs = FileSystem.get(URI.create(landingRoot + "/"), conf);
            if (!fs.exists(prefix)) {
                return List.of();
            }
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(prefix, true);
            while (files.hasNext()) {
                LocatedFileStatus status = files.next();
                if (status.isFile()) {
                    objects.add(new LandingObject(status.getPath().toString(), status.getLen(), versionOf(status)));
                }
            }
        } catch (FileNotFoundException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list landed objects under " + prefix + ": " + e.getMessage(), e);
        }
        objects.sort(Comparator.comparing(LandingObject::uri));
        return List.copyOf(objects);
    }

    private static String versionOf(LocatedFileStatus status) {
        if (status instanceof EtagSource etagSource && etagSource.getEtag() != null && !etagSource.getEtag().isEmpty()) {
            return "etag:" + etagSource.getEtag();
        }
        return "mtime:" + status.getModificationTime();
    }
}
