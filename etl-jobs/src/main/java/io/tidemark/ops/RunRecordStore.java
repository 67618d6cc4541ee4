package io.tidemark.ops;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The run records in the lake: one JSON file per command run under {@code <lakeRoot>/_tidemark/runs/}, named
 * {@code <ended at>-<verb>-<random>.json} so that names sort by time. Works on any Hadoop file system the lake
 * lives on (local folder, {@code s3://} on EMR, {@code s3a://}).
 */
public final class RunRecordStore {
    /** The folder under the lake root. */
    public static final String FOLDER = "_tidemark/runs";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path folder;
    private final Configuration conf;

    public RunRecordStore(String lakeRoot, Configuration conf) {
        this.folder = new Path(lakeRoot, FOLDER);
        this.conf = conf;
    }

    /** A store on the lake root with the Hadoop settings of the runtime config ({@code spark.hadoop.*} keys). */
    public static RunRecordStore forLake(String lakeRoot, Map<String, String> sparkConf) {
        Configuration conf = new Configuration();
        sparkConf.forEach((key, value) -> {
            if (key.startsWith("spark.hadoop.")) {
                conf.set(key.substring("spark.hadoop.".length()), value);
            }
        });
        return new RunRecordStore(lakeRoot, conf);
    }

    /** Writes the record of a run that ended at {@code endedAt}; returns the file's URI. */
    public String write(String command, RunResult result, List<RunResult> windows, Instant endedAt) throws IOException {
        RunRecord record = new RunRecord(endedAt.toString(), command, result, windows);
        String name = STAMP.format(endedAt) + "-" + command.replaceAll("[^A-Za-z0-9_]", "_") + "-"
                + UUID.randomUUID().toString().substring(0, 8) + ".json";
        Path file = new Path(folder, name);
        FileSystem fs = file.getFileSystem(conf);
        try (OutputStream out = fs.create(file, false)) {
            JSON.writeValue(out, record);
        }
        return file.toUri().toString();
    }

    /** The last {@code count} records, oldest first; files that cannot be read are reported and left out. */
    public List<RunRecord> last(int count, PrintStream warnings) throws IOException {
        FileSystem fs = folder.getFileSystem(conf);
        if (!fs.exists(folder)) {
            return List.of();
        }
        FileStatus[] files = fs.listStatus(folder, p -> p.getName().endsWith(".json"));
        List<Path> sorted = Arrays.stream(files).map(FileStatus::getPath)
                .sorted((a, b) -> a.getName().compareTo(b.getName())).toList();
        List<RunRecord> records = new ArrayList<>();
        for (Path path : sorted.subList(Math.max(0, sorted.size() - count), sorted.size())) {
            try (InputStream in = fs.open(path)) {
                records.add(JSON.readValue(in, RunRecord.class));
            } catch (IOException | RuntimeException e) {
                warnings.println("tidemark: cannot read run record " + path + ": " + e.getMessage());
            }
        }
        return records;
    }
}
