package io.tidemark.testing;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The public sample payloads the tests read (src/test/resources/samples, copied byte for byte from the shared sample
 * set; each file's source repository, commit and licence are in samples/SOURCES.md beside them). Read from the test
 * classpath, so a clone anywhere runs the same tests; a missing sample fails the test, it is never skipped.
 */
public final class Samples {
    private Samples() {
    }

    /** The sample at {@code relative} under samples/ (e.g. {@code "dms/LOAD1.csv.gz"}). */
    public static Path path(String relative) {
        URL url = Samples.class.getResource("/samples/" + relative);
        if (url == null) {
            throw new IllegalStateException("test resource samples/" + relative + " is missing: copy it into src/test/resources/samples"
                    + " and list it in samples/SOURCES.md");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("test resource samples/" + relative + " has no file path: " + url, e);
        }
    }
}
