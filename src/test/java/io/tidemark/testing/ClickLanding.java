package io.tidemark.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes tiny clickstream landing objects by hand, named and placed as Firehose does
 * ({@code clickstream/yyyy/MM/dd/HH/clicks-1-yyyy-MM-dd-HH-mm-ss-<id>}), so a test states each event's id,
 * event time and arrival time.
 */
public final class ClickLanding {
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyy/MM/dd/HH").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss").withZone(ZoneOffset.UTC);
    private final Path landingRoot;

    public ClickLanding(Path landingRoot) {
        this.landingRoot = landingRoot;
    }

    /** One JSON line: a click with this id at this event time. */
    public static String click(String eventId, Instant eventTime) {
        return "{\"event_id\":\"" + eventId + "\",\"article_id\":7,\"user_id\":42,\"action\":\"click\",\"timestamp\":\""
                + eventTime + "\"}";
    }

    /** Writes (or rewrites) an object arriving at {@code arrival}, holding the given lines; returns its path. */
    public Path write(Instant arrival, String id, String... lines) {
        Path file = landingRoot.resolve("clickstream/" + FOLDER.format(arrival) + "/clicks-1-" + NAME.format(arrival) + "-" + id);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", List.of(lines)) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Lines of clicks with ids {@code prefix0..prefix(n-1)}, one second apart from {@code first}. */
    public static String[] clicks(String prefix, int n, Instant first) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(click(prefix + i, first.plusSeconds(i)));
        }
        return lines.toArray(String[]::new);
    }
}
