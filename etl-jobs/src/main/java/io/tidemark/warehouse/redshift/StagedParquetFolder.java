package io.tidemark.warehouse.redshift;

import io.tidemark.warehouse.StagedRows;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One load's staged folder ({@code <stagingUri>/<load id>/}: Parquet files and their COPY manifest): each copy runs
 * {@code COPY ... FORMAT AS PARQUET MANIFEST} from it, so every attempt of the load finds the files; closing removes
 * the folder. A failed removal is printed to {@code warnings} with the folder's URI and does not fail the load.
 */
final class StagedParquetFolder implements StagedRows {
    private final String folder;
    private final CopyManifest manifest;
    private final String manifestUrl;
    private final String iamRole;
    private final Configuration hadoopConf;
    private final PrintStream warnings;

    StagedParquetFolder(String folder, CopyManifest manifest, String manifestUrl, String iamRole, Configuration hadoopConf,
                        PrintStream warnings) {
        this.folder = Objects.requireNonNull(folder, "folder is null");
        this.manifest = Objects.requireNonNull(manifest, "manifest is null");
        this.manifestUrl = Objects.requireNonNull(manifestUrl, "manifestUrl is null");
        this.iamRole = Objects.requireNonNull(iamRole, "iamRole is null");
        this.hadoopConf = Objects.requireNonNull(hadoopConf, "hadoopConf is null");
        this.warnings = Objects.requireNonNull(warnings, "warnings is null");
    }

    @Override
    public long copyInto(Connection connection, String stageTable) throws SQLException {
        if (manifest.entries().isEmpty()) {
            return 0; // COPY fails on a manifest without files; nothing to stage is zero rows
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(new RedshiftCopyStatement(stageTable, manifestUrl, iamRole).sql());
            try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + stageTable)) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    @Override
    public void close() {
        remove(folder, hadoopConf, warnings);
    }

    /** Deletes {@code folder} recursively; a failure is printed to {@code warnings}, never thrown. */
    static void remove(String folder, Configuration hadoopConf, PrintStream warnings) {
        Path path = new Path(folder);
        String cause;
        try {
            FileSystem fs = path.getFileSystem(hadoopConf);
            if (fs.delete(path, true) || !fs.exists(path)) {
                return;
            }
            cause = "the file system did not delete it";
        } catch (IOException | RuntimeException e) {
            cause = e.toString();
        }
        warnings.println("tidemark: WARNING cannot remove the staged folder " + folder + " (" + cause
                + "); the load's outcome stands: delete the folder by hand or let an S3 lifecycle rule on the staging "
                + "prefix expire it");
    }
}
