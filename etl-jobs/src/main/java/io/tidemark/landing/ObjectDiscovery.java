package io.tidemark.landing;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import io.tidemark.config.FirehosePrefix;
import io.tidemark.config.JobSpec;
import io.tidemark.config.LandingPrefixes;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.EtagSource;
import org.apache.hadoop.fs.FileStatus;
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
     * Every object of the window, sorted by URI. Firehose layout: the objects under the job's prefix and error
     * output prefix as evaluated for the window ({@link PrefixTemplate#windowGlobs}), e.g.
     * {@code <prefix><yyyy/MM/dd/HH>/} and {@code <prefix>processing-failed/<yyyy/MM/dd/HH>/} for a prefix without
     * expressions, whose key reads back as a time of the window; dated layout: under {@code <prefix>dt=<date>/};
     * flat layout: everything under the prefix.
     */
    public List<LandingObject> list(String landingRoot, JobSpec spec, LandingWindow window) {
        Map<String, LandingObject> objects = new TreeMap<>();
        switch (spec.landingLayout()) {
            case FIREHOSE -> {
                LandingPrefixes prefixes = spec.prefixes();
                for (FirehosePrefix prefix : List.of(prefixes.data(), prefixes.errors())) {
                    listWindow(landingRoot, new PrefixTemplate(prefix, prefixes.zone()), window, objects);
                }
            }
            case DATED -> listUnder(landingRoot, spec.landingPrefix() + "dt=" + window.date() + "/", objects);
            case FLAT -> listUnder(landingRoot, spec.landingPrefix(), objects);
            default -> throw new IllegalStateException("Cannot list layout " + spec.landingLayout());
        }
        return List.copyOf(objects.values());
    }

    /** The error-output types Firehose writes ({@code !{firehose:error-output-type}}); their records are decoded and sent back through their family's parser. */
    public static final List<String> ERROR_OUTPUT_FOLDERS = List.of("processing-failed", "format-conversion-failed",
            "decompression-failed", "http-endpoint-failed", "splunk-failed", "AmazonOpenSearchService-failed");

    private void listWindow(String landingRoot, PrefixTemplate template, LandingWindow window, Map<String, LandingObject> objects) {
        Map<String, LandingObject> found = new TreeMap<>();
        for (String glob : template.windowGlobs(window)) {
            Path pattern = new Path(landingRoot + "/" + glob);
            try {
                FileStatus[] matches = fileSystem(landingRoot).globStatus(pattern);
                for (FileStatus match : matches == null ? new FileStatus[0] : matches) {
                    if (match.isDirectory()) {
                        listUnder(landingRoot, match.getPath(), found);
                    } else {
                        found.put(match.getPath().toString(), objectOf(match));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list landed objects under " + pattern + ": " + e.getMessage(), e);
            }
        }
        for (LandingObject object : found.values()) {
            String key = keyUnder(landingRoot, new Path(object.uri()));
            template.match(key).filter(fields -> template.inWindow(fields, key, window))
                    .ifPresent(fields -> objects.put(object.uri(), object));
        }
    }

    private void listUnder(String landingRoot, String relativePrefix, Map<String, LandingObject> objects) {
        listUnder(landingRoot, new Path(landingRoot + "/" + relativePrefix), objects);
    }

    private void listUnder(String landingRoot, Path prefix, Map<String, LandingObject> objects) {
        try {
            FileSystem fs = fileSystem(landingRoot);
            if (!fs.exists(prefix)) {
                return;
            }
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(prefix, true);
            while (files.hasNext()) {
                LocatedFileStatus status = files.next();
                if (status.isFile()) {
                    objects.put(status.getPath().toString(), objectOf(status));
                }
            }
        } catch (FileNotFoundException e) {
            // the prefix vanished between exists() and the listing: nothing to read
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list landed objects under " + prefix + ": " + e.getMessage(), e);
        }
    }

    /**
     * The key of {@code path} relative to the landing root, whatever form of the root's URI the config uses
     * ({@code file:/x}, {@code file:///x}, {@code s3a://bucket/prefix}, a folder {@code /x} on the object's file
     * system): the object's URI relativized against the root's as a folder (same scheme and bucket, the root's path a
     * parent of the object's). An object outside the root keeps its full path.
     */
    public static String keyUnder(String landingRoot, Path path) {
        URI object = path.toUri();
        URI root = new Path(landingRoot).toUri();
        boolean folder = root.getScheme() == null;
        String rootPath = root.getPath().endsWith("/") ? root.getPath() : root.getPath() + "/";
        try {
            URI key = new URI(folder ? object.getScheme() : root.getScheme(), folder ? object.getAuthority() : root.getAuthority(),
                    rootPath, null, null).relativize(object);
            return key.isAbsolute() ? object.getPath() : key.getPath();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Cannot use landing root '" + landingRoot + "': " + e.getMessage(), e);
        }
    }

    private FileSystem fileSystem(String landingRoot) throws IOException {
        return FileSystem.get(URI.create(landingRoot + "/"), conf);
    }

    private static LandingObject objectOf(FileStatus status) {
        return new LandingObject(status.getPath().toString(), status.getLen(), versionOf(status));
    }

    private static String versionOf(FileStatus status) {
        if (status instanceof EtagSource etagSource && etagSource.getEtag() != null && !etagSource.getEtag().isEmpty()) {
            return LandingObject.ETAG + etagSource.getEtag();
        }
        return "mtime:" + status.getModificationTime();
    }
}
