package io.tidemark.conform.evolution;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.ErrorCode;
import io.tidemark.TidemarkException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The recorded schema of each dataset, in the lake: one file per change,
 * {@code <lake>/_tidemark/schemas/<dataset>/<run id>.json}, written whole (temporary file, then rename) before the
 * catalog is altered; the latest file (run ids sort by start time) is the schema in force. Old files stay as the
 * history of the dataset's schema.
 */
public final class SchemaRecords {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Configuration conf;
    private final String root;

    public SchemaRecords(Configuration conf, String lakeRoot) {
        this.conf = conf;
        this.root = lakeRoot + "/_tidemark/schemas";
    }

    /** The schema in force for the dataset; empty before its first run. */
    public Optional<RecordedSchema> latest(String dataset) {
        Path folder = new Path(root + "/" + dataset);
        try {
            FileSystem fs = FileSystem.get(URI.create(folder.toString()), conf);
            if (!fs.exists(folder)) {
                return Optional.empty();
            }
            Optional<Path> latest = Arrays.stream(fs.listStatus(folder)).filter(FileStatus::isFile).map(FileStatus::getPath)
                    .filter(p -> p.getName().endsWith(".json") && !p.getName().startsWith("."))
                    .max(Comparator.comparing(Path::getName));
            if (latest.isEmpty()) {
                return Optional.empty();
            }
            try (InputStream in = fs.open(latest.get())) {
                RecordedSchema schema = JSON.readValue(in, RecordedSchema.class);
                if (!schema.dataset().equals(dataset)) {
                    throw new TidemarkException(ErrorCode.INTERNAL, "Cannot use the recorded schema " + latest.get()
                            + ": it is the schema of '" + schema.dataset() + "', not of '" + dataset + "'");
                }
                return Optional.of(schema);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new TidemarkException(ErrorCode.INTERNAL, "Cannot read the recorded schema " + latest.get() + ": "
                        + e.getOriginalMessage() + " (restore it from the previous file in " + folder + ")", e);
            }
        } catch (FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the recorded schemas at " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Records the dataset's schema as of this run; the file appears whole or not at all. */
    public void write(RecordedSchema schema, String runId) {
        Path file = new Path(root + "/" + schema.dataset() + "/" + runId + ".json");
        try {
            new WholeFile(conf, file).write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(schema), "the recorded schema");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize the recorded schema of " + schema.dataset(), e);
        }
    }
}
