package io.tidemark.landing;

import io.tidemark.config.FirehosePrefix;
import io.tidemark.config.JobSpec;
import io.tidemark.config.LandingPrefixes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Finds the windows present under a job's landing prefix: Firehose arrival hours or days as the stream's prefix and
 * error output prefix name them ({@code YYYY/MM/dd/HH/} by default, also below the error-output folders), snapshot days ({@code dt=yyyy-MM-dd/}), or for a flat layout the days named in
 * object names ({@code yyyyMMdd-HHmmss...}, as AWS DMS names CDC files) — the latest modification day when no
 * name carries one. Folders that are not dates are not windows.
 */
public final class WindowDiscovery {
    private static final Pattern DATE_IN_NAME = Pattern.compile("(?<!\\d)(\\d{4})-?(\\d{2})-?(\\d{2})(?:[-T_]?\\d{6})");
    private final Configuration conf;

    public WindowDiscovery(Configuration conf) {
        this.conf = conf;
    }

    public List<LandingWindow> windows(String landingRoot, JobSpec spec) {
        try {
            FileSystem fs = FileSystem.get(URI.create(landingRoot + "/"), conf);
            return switch (spec.landingLayout()) {
                case FIREHOSE -> arrivals(fs, landingRoot, spec.prefixes());
                case DATED -> days(fs, landingRoot, spec.landingPrefix());
                case FLAT -> namedDays(fs, landingRoot, spec.landingPrefix());
            };
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list windows under " + landingRoot + "/" + spec.landingPrefix() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The arrival hours (or days, for a prefix whose finest unit is the day) named by the folders of the prefix and
     * of the error output prefix; a day found only under a daily error output prefix is a day window unless hours
     * of it were found.
     */
    private static List<LandingWindow> arrivals(FileSystem fs, String landingRoot, LandingPrefixes prefixes) throws IOException {
        TreeMap<String, LandingWindow> hours = new TreeMap<>();
        TreeMap<LocalDate, LandingWindow> days = new TreeMap<>();
        for (FirehosePrefix prefix : List.of(prefixes.data(), prefixes.errors())) {
            PrefixTemplate template = new PrefixTemplate(prefix, prefixes.zone());
            FileStatus[] matches = fs.globStatus(new Path(landingRoot + "/" + template.discoveryGlob()));
            for (FileStatus status : matches == null ? new FileStatus[0] : matches) {
                template.discoveredTime(ObjectDiscovery.keyUnder(landingRoot, status.getPath())).ifPresent(time -> {
                    if (prefix.hourly()) {
                        LandingWindow window = LandingWindow.hour(time.toLocalDate(), time.getHour());
                        hours.put(window.label(), window);
                    } else {
                        days.put(time.toLocalDate(), LandingWindow.day(time.toLocalDate()));
                    }
                });
            }
        }
        List<LandingWindow> windows = new ArrayList<>(hours.values());
        Set<LocalDate> hourDays = hours.values().stream().map(LandingWindow::date).collect(Collectors.toSet());
        days.values().stream().filter(day -> !hourDays.contains(day.date())).forEach(windows::add);
        windows.sort(Comparator.comparing(LandingWindow::label));
        return windows;
    }

    private static List<LandingWindow> days(FileSystem fs, String landingRoot, String landingPrefix) throws IOException {
        TreeMap<String, LandingWindow> windows = new TreeMap<>();
        for (FileStatus status : glob(fs, new Path(landingRoot + "/" + landingPrefix + "dt=*"))) {
            try {
                LocalDate date = LocalDate.parse(status.getPath().getName().substring("dt=".length()));
                windows.put(date.toString(), LandingWindow.day(date));
            } catch (DateTimeException e) {
                // not a snapshot folder
            }
        }
        return new ArrayList<>(windows.values());
    }

    private static List<LandingWindow> namedDays(FileSystem fs, String landingRoot, String landingPrefix) throws IOException {
        Path prefix = new Path(landingRoot + "/" + landingPrefix);
        if (!fs.exists(prefix)) {
            return List.of();
        }
        TreeMap<String, LandingWindow> windows = new TreeMap<>();
        long latest = -1;
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(prefix, true);
        while (files.hasNext()) {
            LocatedFileStatus file = files.next();
            latest = Math.max(latest, file.getModificationTime());
            Matcher m = DATE_IN_NAME.matcher(file.getPath().getName());
            if (m.find()) {
                try {
                    LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                    windows.put(date.toString(), LandingWindow.day(date));
                } catch (DateTimeException e) {
                    // digits that are not a date
                }
            }
        }
        if (windows.isEmpty() && latest >= 0) {
            LocalDate date = Instant.ofEpochMilli(latest).atZone(ZoneOffset.UTC).toLocalDate();
            windows.put(date.toString(), LandingWindow.day(date));
        }
        List<LandingWindow> sorted = new ArrayList<>(windows.values());
        sorted.sort(Comparator.comparing(LandingWindow::label));
        return sorted;
    }

    private static List<FileStatus> glob(FileSystem fs, Path pattern) throws IOException {
        FileStatus[] matches = fs.globStatus(pattern);
        List<FileStatus> directories = new ArrayList<>();
        if (matches != null) {
            for (FileStatus status : matches) {
                if (status.isDirectory()) {
                    directories.add(status);
                }
            }
        }
        return directories;
    }
}
