package io.tidemark.lake;

import io.tidemark.config.DatasetSchema;
import io.tidemark.conform.PlainRowSize;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Estimates what one row of a dataset costs in Parquet, to cut a version into files of about the dataset's target
 * size, without writing anything. The estimate is:
 * <ol>
 *   <li>the row-group bytes per row (compressed, footers excluded) of the largest published files of the partitions
 *       being rewritten, when they hold at least {@value #MIN_REFERENCE_ROWS} rows each (smaller files encode worse
 *       and would overstate the cost); only their footers are read;</li>
 *   <li>otherwise the rows' mean plain-encoded size ({@link PlainRowSize}), which the merge measured in its own
 *       aggregation (or, when not given, one aggregation over the rows): an upper bound, since dictionaries and
 *       compression only shrink a row, so files are at most about the target, and smaller when the data compresses
 *       well; the next rewrite of the partition takes its cost from the files written now.</li>
 * </ol>
 */
public final class FileSizeEstimator {
    static final int REFERENCE_FILES = 8;
    static final long MIN_REFERENCE_ROWS = 1_000;

    /**
     * @param rows               the rows to write (curated layout, partition columns last)
     * @param publishedLocations the published folders of the partitions being rewritten (may be empty)
     * @param plainBytesPerRow   the rows' mean {@link PlainRowSize}, 0 if not measured
     */
    public FileSizing estimate(DatasetSchema schema, Dataset<Row> rows, Collection<String> publishedLocations, double plainBytesPerRow) {
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
        double plain = plainBytesPerRow > 0 ? plainBytesPerRow : PlainRowSize.meanOf(schema, rows);
        return FileSizing.fromRowCost(target, Math.max(1.0, plain), "the rows' plain-encoded size");
    }

    private static double bytesPerRow(List<DataFile> files) {
        long rows = files.stream().mapToLong(DataFile::rows).sum();
        long bytes = files.stream().mapToLong(DataFile::dataBytes).sum();
        return Math.max(1.0, (double) bytes / Math.max(1, rows));
    }
}
