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
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Which landed objects a job has processed, like Glue job bookmarks but keyed by object key, size and version
 * tag rather than a modification-time watermark. Each committed run writes one file
 * {@code <lake>/_tidemark/ledger/<job>/<run id>.jsonl} in a single put, after its partitions are published:
 * a run that dies before that leaves no trace and its objects are read again by the next run.
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
        Set<String> seen = new HashSet<>();
        try {
            FileSystem fs = fileSystem();
            if (!fs.exists(folder)) {
                return seen;
            }
            for (FileStatus file : fs.listStatus(folder)) {
                if (!file.isFile() || !file.getPath().getName().endsWith(".jsonl")) {
                    continue;
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
        } catch (FileNotFoundException e) {
            return seen;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ledger at " + folder + ": " + e.getMessage(), e);
        }
        return seen;
    }

    /** Records the run's objects; the file appears whole or not at all. */
    public void commit(String runId, List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Path file = new Path(folder, runId + ".jsonl");
        Path tmp = new Path(folder, "." + runId + ".jsonl.tmp");
        try {
            FileSystem fs = fileSystem();
            fs.mkdirs(folder);
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
