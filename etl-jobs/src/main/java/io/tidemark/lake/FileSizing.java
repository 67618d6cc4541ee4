package io.tidemark.lake;

/**
 * How a version is cut into files: at most {@code rowsPerFile} rows per file (0: no limit, one file per partition),
 * from the dataset's target file size and an estimate of what one row costs once encoded.
 *
 * @param targetBytes the dataset's target file size
 * @param bytesPerRow encoded (compressed) bytes per row; 0 when not needed
 * @param rowsPerFile rows per file, so each full file is about {@code targetBytes}; 0 for no limit
 * @param basis       where the estimate came from, for logs
 */
public record FileSizing(long targetBytes, double bytesPerRow, long rowsPerFile, String basis) {

    /** Every partition fits in one file. */
    public static FileSizing oneFilePerPartition(long targetBytes, String basis) {
        return new FileSizing(targetBytes, 0, 0, basis);
    }

    /** Files of {@code targetBytes / bytesPerRow} rows (at least one). */
    public static FileSizing fromRowCost(long targetBytes, double bytesPerRow, String basis) {
        return new FileSizing(targetBytes, bytesPerRow, Math.max(1, (long) Math.floor(targetBytes / bytesPerRow)), basis);
    }
}
