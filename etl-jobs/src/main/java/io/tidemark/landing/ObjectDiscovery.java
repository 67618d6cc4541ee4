package io.tidemark.landing;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import io.tidemark.config.LandingLayout;
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

    /**
     * Every object of the window, sorted by URI. Firehose layout: under {@code <landingRoot>/<prefix><yyyy/MM/dd/HH>/}
     * and the same time path below Firehose's error-output folders ({@code <prefix>processing-failed/...}); dated
     * layout: under {@code <prefix>dt=<date>/}; flat layout: everything under the prefix.
     */
    public List<LandingObject> list(String landingRoot, String landingPrefix, LandingLayout layout, LandingWindow window) {
        List<LandingObject> objects = new ArrayList<>();
        switch (layout) {
            case FIREHOSE -> {
                listUnder(landingRoot, window.prefixUnder(landingPrefix), objects);
                for (String errorOutput : ERROR_OUTPUT_FOLDERS) {
                    listUnder(landingRoot, window.prefixUnder(landingPrefix + errorOutput + "/"), objects);
                }
            }
            case DATED -> listUnder(landingRoot, landingPrefix + "dt=" + window.date() + "/", objects);
            case FLAT -> listUnder(landingRoot, landingPrefix, objects);
            default -> throw new IllegalStateException("Cannot list layout " + layout);
        }
        objects.sort(Comparator.comparing(LandingObject::uri));
        return List.copyOf(objects);
    }

    /** Firehose's error-output folders whose records are decoded and sent back through their family's parser. */
    public static final List<String> ERROR_OUTPUT_FOLDERS = List.of("processing-failed", "format-conversion-failed");

    private void listUnder(String landingRoot, String relativePrefix, List<LandingObject> objects) {
        Path prefix = new Path(landingRoot + "/" + relativePrefix);
        try {
            FileSystem fs = FileSystem.get(URI.create(landingRoot + "/"), conf);
            if (!fs.exists(prefix)) {
                return;
            }
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(prefix, true);
            while (files.hasNext()) {
                LocatedFileStatus status = files.next();
                if (status.isFile()) {
                    objects.add(new LandingObject(status.getPath().toString(), status.getLen(), versionOf(status)));
                }
            }
        } catch (FileNotFoundException e) {
            // the prefix vanished between exists() and the listing: nothing to read
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list landed objects under " + prefix + ": " + e.getMessage(), e);
        }
    }

    private static String versionOf(LocatedFileStatus status) {
        if (status instanceof EtagSource etagSource && etagSource.getEtag() != null && !etagSource.getEtag().isEmpty()) {
            return LandingObject.ETAG + etagSource.getEtag();
        }
        return "mtime:" + status.getModificationTime();
    }
}
