package io.tidemark.lake;

import static java.util.Objects.requireNonNull;

/**
 * One Parquet data file of a partition version, as its footer describes it.
 *
 * @param path      the file
 * @param bytes     the file's length (what counts toward the file size target)
 * @param rows      rows in the file
 * @param dataBytes compressed bytes of its row groups (the file without footer and magic): what each row costs
 */
public record DataFile(String path, long bytes, long rows, long dataBytes) {
    public DataFile {
        requireNonNull(path, "path is null");
    }
}
