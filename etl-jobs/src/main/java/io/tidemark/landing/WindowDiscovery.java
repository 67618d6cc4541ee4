package io.tidemark.landing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Finds the arrival hours present under a family's landing prefix ({@code <prefix>/YYYY/MM/dd/HH/}); folders that
 * are not dates, such as Firehose's {@code processing-failed/}, are not windows.
 */
public final class WindowDiscovery {
    private final Configuration conf;

    public WindowDiscovery(Configuration conf) {
        this.conf = conf;
    }

    public List<LandingWindow> hours(String landingRoot, String landingPrefix) {
        Path pattern = new Path(landingRoot + "/" + landingPrefix + "{," + String.join("/,", ObjectDiscovery.ERROR_OUTPUT_FOLDERS)
                + "/}[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/[0-9][0-9]");
        TreeSet<String> labels = new TreeSet<>();
        List<LandingWindow> windows = new ArrayList<>();
        try {
            FileSystem fs = FileSystem.get(URI.create(landingRoot + "/"), conf);
            FileStatus[] matches = fs.globStatus(pattern);
            if (matches == null) {
                return List.of();
            }
            for (FileStatus status : matches) {
                if (!status.isDirectory()) {
                    continue;
                }
                Path hour = status.getPath();
                Path day = hour.getParent();
                Path month = day.getParent();
                Path year = month.getParent();
                try {
                    LandingWindow window = LandingWindow.hour(LocalDate.of(Integer.parseInt(year.getName()),
                            Integer.parseInt(month.getName()), Integer.parseInt(day.getName())), Integer.parseInt(hour.getName()));
                    if (labels.add(window.label())) {
                        windows.add(window);
                    }
                } catch (DateTimeException | IllegalArgumentException e) {
                    // not a Firehose time prefix: not a window
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list windows under " + landingRoot + "/" + landingPrefix + ": " + e.getMessage(), e);
        }
        windows.sort(java.util.Comparator.comparing(LandingWindow::label));
        return windows;
    }
}
