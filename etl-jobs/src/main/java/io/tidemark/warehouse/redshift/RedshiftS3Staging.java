package io.tidemark.warehouse.redshift;

import io.tidemark.warehouse.DatasetStaging;
import io.tidemark.warehouse.StagedRows;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Redshift staging as DESIGN.md's load protocol asks: Spark writes the rows as Parquet files under
 * {@code <stagingUri>/<load id>/}, then a COPY manifest listing exactly those files with their sizes is written
 * next to them ({@code <stagingUri>/<load id>/_manifest}); inside the load's transaction
 * {@code COPY stage FROM '<manifest>' IAM_ROLE '<role>' FORMAT AS PARQUET MANIFEST} loads them.
 *
 * <p>The folder is named after the load id and rewritten by every prepare of that id, so a rerun never mixes
 * files of two attempts. It stays while the load's transaction may still copy it (every retry of the load copies it
 * again) and is removed when the load closes its {@link StagedRows}: after the commit, or after the last attempt
 * failed. A removal that fails is reported and does not fail the load; only a process killed between prepare and
 * close leaves a folder behind, which an S3 lifecycle rule on the prefix can expire as a backstop. Timestamps are
 * written as Spark's default INT96, which Redshift's Parquet COPY reads into {@code TIMESTAMP}.
 */
public final class RedshiftS3Staging implements DatasetStaging {
    /** The manifest file name: a leading underscore keeps the folder readable as a Parquet dataset by Spark and Athena. */
    static final String MANIFEST = "_manifest";

    private final String stagingUri;
    private final String iamRole;
    private final Configuration hadoopConf;
    private final PrintStream warnings;

    /** @param warnings where a staged folder that cannot be removed is reported */
    public RedshiftS3Staging(String stagingUri, String iamRole, Configuration hadoopConf, PrintStream warnings) {
        this.stagingUri = Objects.requireNonNull(stagingUri, "stagingUri is null");
        this.iamRole = Objects.requireNonNull(iamRole, "iamRole is null");
        this.hadoopConf = Objects.requireNonNull(hadoopConf, "hadoopConf is null");
        this.warnings = Objects.requireNonNull(warnings, "warnings is null");
    }

    @Override
    public StagedRows prepare(Dataset<Row> rows, String loadId) {
        String folder = folderOf(loadId);
        rows.write().mode(SaveMode.Overwrite).parquet(folder);
        String manifestUri = folder + "/" + MANIFEST;
        try {
            CopyManifest manifest = manifestOf(folder);
            writeManifest(manifest, manifestUri);
            return new StagedParquetFolder(folder, manifest, CopyManifest.redshiftUrl(manifestUri), iamRole, hadoopConf,
                    warnings);
        } catch (RuntimeException e) {
            StagedParquetFolder.remove(folder, hadoopConf, warnings);
            throw e;
        }
    }

    /** {@code <stagingUri>/<load id with ':' as '-'>}: one folder per load. */
    String folderOf(String loadId) {
        if (!loadId.matches("[A-Za-z0-9_:.-]+")) {
            throw new IllegalArgumentException("Cannot stage load '" + loadId + "': not a plain load id");
        }
        return stagingUri + "/" + loadId.replace(':', '-');
    }

    /** The manifest of the Parquet files Spark wrote in {@code folder}, sorted by name. */
    CopyManifest manifestOf(String folder) {
        try {
            Path path = new Path(folder);
            FileSystem fs = path.getFileSystem(hadoopConf);
            List<CopyManifest.Entry> entries = new ArrayList<>();
            List<FileStatus> files = new ArrayList<>(List.of(fs.listStatus(path,
                    file -> file.getName().startsWith("part-") && file.getName().endsWith(".parquet"))));
            files.sort(Comparator.comparing(file -> file.getPath().getName()));
            for (FileStatus file : files) {
                entries.add(new CopyManifest.Entry(CopyManifest.redshiftUrl(file.getPath().toString()), file.getLen()));
            }
            return new CopyManifest(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the staged files in " + folder, e);
        }
    }

    private void writeManifest(CopyManifest manifest, String manifestUri) {
        Path path = new Path(manifestUri);
        try (OutputStream out = path.getFileSystem(hadoopConf).create(path, true)) {
            out.write(manifest.toJson().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the COPY manifest " + manifestUri, e);
        }
    }
}
