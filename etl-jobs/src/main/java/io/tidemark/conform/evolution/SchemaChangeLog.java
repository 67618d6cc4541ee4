package io.tidemark.conform.evolution;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Flags schema changes for the warehouse side, which does not alter its tables by itself: one JSON line per
 * change in {@code <lake>/_tidemark/schema-changes/<dataset>/<run id>.jsonl} (one file per run, written whole,
 * since object stores cannot append), and one line on stderr.
 */
public final class SchemaChangeLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Configuration conf;
    private final String root;
    private final PrintStream progress;

    public SchemaChangeLog(Configuration conf, String lakeRoot, PrintStream progress) {
        this.conf = conf;
        this.root = lakeRoot + "/_tidemark/schema-changes";
        this.progress = progress;
    }

    public void record(String dataset, String runId, List<SchemaChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        try {
            for (SchemaChange change : changes) {
                lines.write(JSON.writeValueAsBytes(change));
                lines.write('\n');
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialize the schema changes of " + dataset, e);
        }
        new WholeFile(conf, new Path(root + "/" + dataset + "/" + runId + ".jsonl")).write(lines.toByteArray(), "the schema change log");
        changes.forEach(c -> progress.println(c.describe()));
    }
}
