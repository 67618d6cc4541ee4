package io.tidemark.landing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import io.tidemark.config.LandingLayout;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Which landed objects a job has processed, like Glue job bookmarks but keyed by object key, size and version
 * tag rather than a modification-time watermark. Each committed run writes one file
 * {@code <lake>/_tidemark/ledger/<job>/date=<window date>/<run id>.jsonl} in a single put, after its partitions are
 * published: a run that dies before that leaves no trace and its objects are read again by the next run.
 * Files are grouped by the arrival date of the run's window because a window's objects can only have been
 * processed by runs of the same date (their keys carry it), so a run reads the ledger of its own date, and its
 * cost does not grow with the history of the job. Jobs with a flat landing layout read the whole ledger; files
 * directly under {@code <job>/} (written before the grouping) are always read.
 */
public final class Ledger {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Configuration conf;
    private final Path folder;

    public Ledger(Configuration conf, String lakeRoot, String job) {
        this.conf = conf;
        this.folder = new Path(lakeRoot + "/_tidemark/ledger/" + job);
    }

    /** Identities ({@link LandingObject#identity()}) of every object processed by a committed run. */
    public Set<String> processedIdentities() {
        return read(null);
    }

    /**
     * Identities of the objects a run of {@code window} could find already processed: those recorded by runs of
     * the same arrival date, or every recorded object for a flat layout (whose windows do not select objects).
     */
    public Set<String> processedIdentities(LandingWindow window, LandingLayout layout) {
        return read(layout == LandingLayout.FLAT ? null : dateFolder(window));
    }

    /** Reads the files directly under the job folder and those of one date folder, or of every date folder if null. */
    private Set<String> read(String onlyDateFolder) {
        Set<String> seen = new HashSet<>();
        try {
            FileSystem fs = fileSystem();
            for (FileStatus status : fs.listStatus(folder)) {
                if (status.isFile()) {
                    readInto(fs, status, seen);
                } else if (status.isDirectory() && (onlyDateFolder == null || status.getPath().getName().equals(onlyDateFolder))) {
                    for (FileStatus file : fs.listStatus(status.getPath())) {
                        readInto(fs, file, seen);
                    }
                }
            }
        } catch (FileNotFoundException e) {
            return seen;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ledger at " + folder + ": " + e.getMessage(), e);
        }
        return seen;
    }

    private static void readInto(FileSystem fs, FileStatus file, Set<String> seen) throws IOException {
        if (!file.isFile() || !file.getPath().getName().endsWith(".jsonl")) {
            return;
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(fs.open(file.getPath()), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    seen.add(JSON.readValue(line, LedgerEntry.class).identity());
                }
            }
        }
    }

    private static String dateFolder(LandingWindow window) {
        return "date=" + window.date();
    }

    /** Records the objects a run of {@code window} processed; the file appears whole or not at all. */
    public void commit(LandingWindow window, String runId, List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Path dated = new Path(folder, dateFolder(window));
        Path file = new Path(dated, runId + ".jsonl");
        Path tmp = new Path(dated, "." + runId + ".jsonl.tmp");
        try {
            FileSystem fs = fileSystem();
            fs.mkdirs(dated);
            try (OutputStream out = fs.create(tmp, true)) {
                for (LedgerEntry entry : entries) {
                    out.write(JSON.writeValueAsBytes(entry));
                    out.write('\n');
                }
            }
            if (!fs.rename(tmp, file)) {
                throw new IOException("rename of " + tmp + " to " + file + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the ledger entry " + file + ": " + e.getMessage(), e);
        }
    }

    private FileSystem fileSystem() throws IOException {
        return FileSystem.get(URI.create(folder.toString()), conf);
    }
}
