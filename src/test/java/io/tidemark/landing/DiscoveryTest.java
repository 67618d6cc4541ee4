package io.tidemark.landing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.config.JobSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryTest {
    @TempDir
    Path root;

    private static final JobSpecs SPECS = new JobSpecs();
    private final Configuration conf = new Configuration(false);

    private String landingRoot() {
        String uri = root.toUri().toString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    private void touch(String key) throws IOException {
        Path file = root.resolve(key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, key);
    }

    @Test
    void firehoseWindowsAreArrivalHoursIncludingErrorOutputAndNothingElse() throws IOException {
        touch("ses/2026/11/24/10/ses-1-2026-11-24-10-01-00-a");
        touch("ses/2026/11/24/11/ses-1-2026-11-24-11-01-00-b");
        touch("ses/processing-failed/2026/11/24/12/ses-1-2026-11-24-12-01-00-c");
        touch("ses/notes/readme.txt");
        touch("ses/2026/13/40/99/not-a-date");

        List<String> windows = new WindowDiscovery(conf).windows(landingRoot(), SPECS.get("ses"))
                .stream().map(LandingWindow::label).toList();
        assertThat(windows).containsExactly("2026-11-24T10", "2026-11-24T11", "2026-11-24T12");

        List<LandingObject> hour12 = new ObjectDiscovery(conf).list(landingRoot(), SPECS.get("ses"),
                LandingWindow.hour(LocalDate.of(2026, 11, 24), 12));
        assertThat(hour12).singleElement().satisfies(o -> assertThat(o.uri()).contains("/ses/processing-failed/2026/11/24/12/"));
        List<LandingObject> day = new ObjectDiscovery(conf).list(landingRoot(), SPECS.get("ses"),
                LandingWindow.day(LocalDate.of(2026, 11, 24)));
        assertThat(day).hasSize(3);
    }

    @Test
    void datedWindowsAreSnapshotDays() throws IOException {
        touch("reference/users/dt=2026-11-23/users.csv");
        touch("reference/users/dt=2026-11-24/users.csv");
        touch("reference/users/dt=latest/users.csv");
        List<LandingWindow> windows = new WindowDiscovery(conf).windows(landingRoot(), SPECS.get("users"));
        assertThat(windows).extracting(LandingWindow::label).containsExactly("2026-11-23", "2026-11-24");
        assertThat(new ObjectDiscovery(conf).list(landingRoot(), SPECS.get("users"), windows.get(1)))
                .singleElement().satisfies(o -> assertThat(o.uri()).endsWith("dt=2026-11-24/users.csv"));
    }

    @Test
    void flatWindowsComeFromDatesInNamesAndARunReadsEverythingUnderThePrefix() throws IOException {
        touch("dms/shop/public/sales/LOAD00000001.csv");
        touch("dms/shop/public/sales/20261124-101530123.csv");
        touch("dms/shop/public/sales/20261125-000102000.csv");
        List<LandingWindow> windows = new WindowDiscovery(conf).windows(landingRoot(), SPECS.get("dms_sales"));
        assertThat(windows).extracting(LandingWindow::label).containsExactly("2026-11-24", "2026-11-25");
        assertThat(new ObjectDiscovery(conf).list(landingRoot(), SPECS.get("dms_sales"), windows.get(0))).hasSize(3);
    }

    @Test
    void firehoseKeysGiveStreamVersionAndArrival() {
        FirehoseObjectKey key = FirehoseObjectKey.parse("cwlogs/2026/11/24/10/my-stream-3-2026-11-24-10-04-59-6b1e0f3a-2c1d.gz").orElseThrow();
        assertThat(key.streamName()).isEqualTo("my-stream");
        assertThat(key.streamVersion()).isEqualTo(3);
        assertThat(key.arrival()).hasToString("2026-11-24T10:04:59Z");
        assertThat(FirehoseObjectKey.parse("dms/LOAD00000001.csv")).isEmpty();
    }
}
