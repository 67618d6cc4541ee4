package io.tidemark.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The real samples ship with the tests: every file SOURCES.md lists is on the test classpath, and no test names a machine path. */
class SamplesTest {
    private static final Pattern LISTED_FILE = Pattern.compile("^\\| ([a-z0-9-]+/[^ |]+) \\|", Pattern.MULTILINE);
    private static final Pattern MACHINE_PATH = Pattern.compile("\"/[A-Za-z0-9_.-]+/shared/");

    @Test
    void everySampleListedInSourcesIsOnTheClasspath() throws IOException {
        Matcher listed = LISTED_FILE.matcher(Files.readString(Samples.path("SOURCES.md")));
        int files = 0;
        while (listed.find()) {
            assertThat(Samples.path(listed.group(1))).as(listed.group(1)).isRegularFile();
            files++;
        }
        assertThat(files).as("files listed in samples/SOURCES.md").isGreaterThanOrEqualTo(10);
    }

    @Test
    void noTestReadsSamplesThroughAnAbsolutePath() throws IOException {
        Path tests = Path.of(System.getProperty("tidemark.repo.root", "."), "src", "test", "java");
        try (Stream<Path> files = Files.walk(tests)) {
            List<Path> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> MACHINE_PATH.matcher(read(p)).find())
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }
}
