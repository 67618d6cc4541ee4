package io.tidemark.lake;

import io.tidemark.config.DatasetSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Estimates what one row of a dataset costs in Parquet, to cut a version into files of about the dataset's target
 * size. The estimate is the row-group bytes per row (compressed, footers excluded) of:
 * <ol>
 *   <li>the largest published files of the partitions being rewritten, when they hold at least
 *       {@value #MIN_REFERENCE_ROWS} rows each (smaller files encode worse and would overstate the cost); only
 *       their footers are read;</li>
 *   <li>otherwise a sample of up to {@value #SAMPLE_ROWS} of the rows to write, encoded as one file in a hidden
 *       scratch folder beside the versions and deleted at once. When the sample is all the rows and fits in the
 *       target, every partition is one file.</li>
 * </ol>
 */
public final class FileSizeEstimator {
    static final int REFERENCE_FILES = 8;
    static final long MIN_REFERENCE_ROWS = 1_000;
    static final int SAMPLE_ROWS = 10_000;

    /**
     * @param rows               the rows to write (curated layout, partition columns last)
     * @param publishedLocations the published folders of the partitions being rewritten (may be empty)
     * @param scratchFolder      a folder that does not exist, hidden from readers (name starts with '_')
     */
    public FileSizing estimate(DatasetSchema schema, Dataset<Row> rows, Collection<String> publishedLocations, String scratchFolder) {
        long target = schema.targetFileBytes();
        Configuration conf = rows.sparkSession().sparkContext().hadoopConfiguration();
        ParquetFolders folders = new ParquetFolders(conf);

        List<DataFile> references = new ArrayList<>();
        for (String location : publishedLocations) {
            folders.largestDataFiles(location, REFERENCE_FILES).stream().filter(f -> f.rows() >= MIN_REFERENCE_ROWS).forEach(references::add);
        }
        references.sort(Comparator.comparingLong(DataFile::rows).reversed());
        List<DataFile> used = references.subList(0, Math.min(REFERENCE_FILES, references.size()));
        if (!used.isEmpty()) {
            return FileSizing.fromRowCost(target, bytesPerRow(used), used.size() + " published files");
        }
        return fromSample(schema, rows, target, conf, folders, scratchFolder);
    }

    private static FileSizing fromSample(DatasetSchema schema, Dataset<Row> rows, long target, Configuration conf,
            ParquetFolders folders, String scratchFolder) {
        Path scratch = new Path(scratchFolder);
        try {
            rows.drop(schema.partitioning().toArray(String[]::new))
                    .limit(SAMPLE_ROWS)
                    .coalesce(1)
                    .write()
                    .mode(SaveMode.ErrorIfExists)
                    .option("compression", "snappy")
                    .parquet(scratchFolder);
            List<DataFile> sample = folders.dataFiles(scratchFolder);
            long sampleRows = sample.stream().mapToLong(DataFile::rows).sum();
            long sampleBytes = sample.stream().mapToLong(DataFile::bytes).sum();
            if (sampleRows < SAMPLE_ROWS && sampleBytes <= target) {
                return FileSizing.oneFilePerPartition(target, "all " + sampleRows + " rows fit one file");
            }
            return FileSizing.fromRowCost(target, bytesPerRow(sample), "a sample of " + sampleRows + " rows");
        } finally {
            delete(conf, scratch);
        }
    }

    private static double bytesPerRow(List<DataFile> files) {
        long rows = files.stream().mapToLong(DataFile::rows).sum();
        long bytes = files.stream().mapToLong(DataFile::dataBytes).sum();
        return Math.max(1.0, (double) bytes / Math.max(1, rows));
    }

    private static void delete(Configuration conf, Path scratch) {
        try {
            FileSystem.get(URI.create(scratch.toString()), conf).delete(scratch, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the file sizing sample " + scratch + ": " + e.getMessage(), e);
        }
    }
}
