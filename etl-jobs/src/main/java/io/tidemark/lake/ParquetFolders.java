package io.tidemark.lake;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Reads what a version folder holds without reading its data: the listing (one call per folder) and, for the
 * files asked for, the Parquet footers. Files whose names start with '_' or '.' (markers, checksums) are not data.
 */
public final class ParquetFolders {
    private final Configuration conf;

    public ParquetFolders(Configuration conf) {
        this.conf = conf;
    }

    /** Every data file directly in the folder, with its footer; empty if the folder does not exist. */
    public List<DataFile> dataFiles(String folder) {
        return largestDataFiles(folder, Integer.MAX_VALUE);
    }

    /** The {@code limit} largest data files of the folder, with their footers, largest first. */
    public List<DataFile> largestDataFiles(String folder, int limit) {
        List<DataFile> files = new ArrayList<>();
        for (FileStatus status : listed(folder).stream().sorted(Comparator.comparingLong(FileStatus::getLen).reversed()
                .thenComparing(s -> s.getPath().toString())).limit(limit).toList()) {
            files.add(footerOf(status));
        }
        return files;
    }

    /** The rows of every data file directly in the folder, from their footers (no data read); 0 if it does not exist. */
    public long rows(String folder) {
        return dataFiles(folder).stream().mapToLong(DataFile::rows).sum();
    }

    /** The data files' lengths only (one listing, no footer read). */
    public List<Long> fileSizes(String folder) {
        return listed(folder).stream().map(FileStatus::getLen).toList();
    }

    private List<FileStatus> listed(String folder) {
        Path path = new Path(folder);
        try {
            FileSystem fs = FileSystem.get(URI.create(folder), conf);
            List<FileStatus> files = new ArrayList<>();
            for (FileStatus status : fs.listStatus(path)) {
                String name = status.getPath().getName();
                if (status.isFile() && !name.startsWith("_") && !name.startsWith(".")) {
                    files.add(status);
                }
            }
            return files;
        } catch (FileNotFoundException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the data files of " + folder + ": " + e.getMessage(), e);
        }
    }

    private DataFile footerOf(FileStatus status) {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromStatus(status, conf))) {
            ParquetMetadata footer = reader.getFooter();
            long rows = 0;
            long dataBytes = 0;
            for (BlockMetaData block : footer.getBlocks()) {
                rows += block.getRowCount();
                dataBytes += block.getCompressedSize();
            }
            return new DataFile(status.getPath().toString(), status.getLen(), rows, dataBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Parquet footer of " + status.getPath() + ": " + e.getMessage(), e);
        }
    }
}
