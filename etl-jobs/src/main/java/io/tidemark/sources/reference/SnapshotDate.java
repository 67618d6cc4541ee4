package io.tidemark.sources.reference;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The snapshot date of a reference object: its key's last {@code dt=yyyy-MM-dd} folder. */
final class SnapshotDate {
    private static final Pattern DT_FOLDER = Pattern.compile("(?:^|/)dt=(\\d{4})-(\\d{2})-(\\d{2})/");

    private SnapshotDate() {
    }

    static Optional<LocalDate> fromKey(String key) {
        Matcher m = DT_FOLDER.matcher(key);
        LocalDate found = null;
        while (m.find()) {
            try {
                found = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                found = null;
            }
        }
        return Optional.ofNullable(found);
    }
}
