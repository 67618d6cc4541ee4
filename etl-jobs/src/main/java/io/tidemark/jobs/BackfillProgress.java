package io.tidemark.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.landing.LandingWindow;
import io.tidemark.ops.RunResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What a backfill has finished, so that a rerun after a kill skips those windows:
 * {@code <lake>/_tidemark/backfills/<job>/<range id>/<window>.json}, one file per finished window holding its
 * result, written whole (temporary file, then rename) after the window's ledger commit. A window that failed or
 * was killed has no file and runs again.
 */
public final class BackfillProgress {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Configuration conf;
    private final Path folder;

    public BackfillProgress(Configuration conf, String lakeRoot, String job, BackfillRange range) {
        this.conf = conf;
        this.folder = new Path(lakeRoot + "/_tidemark/backfills/" + job + "/" + range.id());
    }

    /** The result of every finished window, by window label. */
    public Map<String, RunResult> finished() {
        Map<String, RunResult> done = new TreeMap<>();
        try {
            FileSystem fs = fileSystem();
            if (!fs.exists(folder)) {
                return done;
            }
            for (FileStatus file : fs.listStatus(folder)) {
                String name = file.getPath().getName();
                if (file.isFile() && name.endsWith(".json") && !name.startsWith(".")) {
                    try (InputStream in = fs.open(file.getPath())) {
                        done.put(name.substring(0, name.length() - ".json".length()), JSON.readValue(in, RunResult.class));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the backfill progress in " + folder + ": " + e.getMessage(), e);
        }
        return done;
    }

    /** Records a finished window; the file appears whole or not at all. */
    public void record(LandingWindow window, RunResult result) {
        Path file = new Path(folder, window.label() + ".json");
        Path tmp = new Path(folder, "." + window.label() + ".json.tmp");
        try {
            FileSystem fs = fileSystem();
            fs.mkdirs(folder);
            try (OutputStream out = fs.create(tmp, true)) {
                out.write(JSON.writeValueAsBytes(result));
            }
            fs.delete(file, false);
            if (!fs.rename(tmp, file)) {
                throw new IOException("rename of " + tmp + " to " + file + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record backfill progress " + file + ": " + e.getMessage(), e);
        }
    }

    /** Forgets every finished window ({@code --restart}). */
    public void clear() {
        try {
            fileSystem().delete(folder, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear the backfill progress in " + folder + ": " + e.getMessage(), e);
        }
    }

    public String location() {
        return folder.toString();
    }

    private FileSystem fileSystem() throws IOException {
        return FileSystem.get(URI.create(folder.toString()), conf);
    }
}
