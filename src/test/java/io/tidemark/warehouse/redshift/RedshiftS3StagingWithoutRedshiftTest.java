package io.tidemark.warehouse.redshift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.config.ConfigException;
import io.tidemark.config.WarehouseConfig;
import io.tidemark.testing.LocalSpark;
import io.tidemark.warehouse.StagedRows;
import io.tidemark.warehouse.WarehouseConnector;
import io.tidemark.warehouse.model.DialectStaging;
import io.tidemark.warehouse.postgres.PostgresDatasetCopy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Redshift staging without a Redshift: Spark writes the Parquet files to a local folder standing in for the S3
 * prefix, and the test checks the COPY manifest written next to them (exactly those files, mandatory, their real
 * sizes), that the folder is removed when the load releases it and a removal that fails is only reported, and the
 * COPY statement rendered for them. The COPY itself needs Redshift and S3 and is not run here.
 */
class RedshiftS3StagingWithoutRedshiftTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/tidemark-copy";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path workdir;

    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start(workdir);
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void theManifestListsExactlyTheStagedParquetFilesWithTheirSizesUntilTheLoadReleasesThem() throws Exception {
        Path staging = workdir.resolve("staging");
        RedshiftS3Staging stager = stager(staging, spark.sparkContext().hadoopConfiguration(), System.err);
        Dataset<Row> rows = spark.range(1_000).selectExpr("CAST(id AS INT) AS datekey", "CAST(id AS STRING) AS name")
                .repartition(3);
        Path folder = staging.resolve("fact_email_events-00ff");

        try (StagedRows staged = stager.prepare(rows, "fact_email_events:00ff")) {
            JsonNode manifest = JSON.readTree(Files.readString(folder.resolve("_manifest")));
            List<String> parquetFiles;
            try (Stream<Path> files = Files.list(folder)) {
                parquetFiles = files.map(p -> p.getFileName().toString())
                        .filter(name -> name.startsWith("part-") && name.endsWith(".parquet")).sorted().toList();
            }
            assertThat(parquetFiles).hasSize(3);
            List<String> listed = new ArrayList<>();
            for (JsonNode entry : manifest.get("entries")) {
                Path file = Path.of(java.net.URI.create(entry.get("url").asText()));
                listed.add(file.getFileName().toString());
                assertThat(file.getParent()).isEqualTo(folder);
                assertThat(entry.get("mandatory").asBoolean()).isTrue();
                assertThat(entry.get("meta").get("content_length").asLong()).isEqualTo(Files.size(file)).isPositive();
            }
            assertThat(listed).containsExactlyElementsOf(parquetFiles);
            assertThat(spark.read().parquet(folder.toString()).count()).isEqualTo(1_000);
        }
        // released after the load's commit (or its last failed attempt): nothing of the load stays in the prefix
        assertThat(folder).doesNotExist();
        assertThat(staging).isEmptyDirectory();
    }

    @Test
    void aStagedFolderThatCannotBeRemovedIsReportedWithoutFailingTheLoad() throws Exception {
        Path staging = workdir.resolve("undeletable");
        Configuration refusingDeletes = new Configuration(spark.sparkContext().hadoopConfiguration());
        refusingDeletes.setClass("fs.file.impl", UndeletableLocalFileSystem.class, FileSystem.class);
        refusingDeletes.setBoolean("fs.file.impl.disable.cache", true);
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        RedshiftS3Staging stager = stager(staging, refusingDeletes, new PrintStream(warnings, true, StandardCharsets.UTF_8));

        StagedRows staged = stager.prepare(spark.range(10).toDF(), "t:2");
        staged.close();

        assertThat(staging.resolve("t-2").resolve("_manifest")).exists();
        assertThat(warnings.toString(StandardCharsets.UTF_8)).contains("cannot remove the staged folder "
                + staging.toUri().toString().replaceAll("/$", "") + "/t-2").contains("delete refused");
    }

    @Test
    void preparingTheSameLoadAgainReplacesItsFiles() throws Exception {
        Path staging = workdir.resolve("again");
        RedshiftS3Staging stager = stager(staging, spark.sparkContext().hadoopConfiguration(), System.err);

        stager.prepare(spark.range(10).repartition(4).toDF(), "t:1");
        stager.prepare(spark.range(10).coalesce(1).toDF(), "t:1");

        JsonNode manifest = JSON.readTree(Files.readString(staging.resolve("t-1").resolve("_manifest")));
        assertThat(manifest.get("entries")).hasSize(1);
        assertThat(spark.read().parquet(staging.resolve("t-1").toString()).count()).isEqualTo(10);
    }

    @Test
    void rendersTheCopyStatementOfAManifest() {
        assertThat(new RedshiftCopyStatement("stage_fact_email_events", "s3://bucket/staging/fact_email_events-00ff/manifest", ROLE)
                .sql()).isEqualTo("COPY stage_fact_email_events FROM 's3://bucket/staging/fact_email_events-00ff/manifest' "
                + "IAM_ROLE 'arn:aws:iam::123456789012:role/tidemark-copy' FORMAT AS PARQUET MANIFEST");
        assertThat(CopyManifest.redshiftUrl("s3a://bucket/x/part-0.parquet")).isEqualTo("s3://bucket/x/part-0.parquet");
        assertThat(new CopyManifest(List.of(new CopyManifest.Entry("s3://b/p/part-0.parquet", 42))).toJson()).isEqualTo(
                "{\"entries\":[{\"url\":\"s3://b/p/part-0.parquet\",\"mandatory\":true,\"meta\":{\"content_length\":42}}]}");
    }

    @Test
    void refusesLiteralsThatWouldBreakOutOfTheStatement() {
        assertThatThrownBy(() -> new RedshiftCopyStatement("stage", "s3://b/m' IAM_ROLE 'x", ROLE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("manifest URL");
        assertThatThrownBy(() -> new RedshiftCopyStatement("stage; DROP TABLE x", "s3://b/m", ROLE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table");
        assertThatThrownBy(() -> new RedshiftCopyStatement("stage", "file:/tmp/m", ROLE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("s3://");
    }

    @Test
    void redshiftNeedsAStagingPrefixAndARoleWhilePostgresNeedsNeither() {
        WarehouseConfig bare = new WarehouseConfig("jdbc:redshift://c:5439/dev", null, null, null, null, null, null, null);
        WarehouseConfig configured = new WarehouseConfig("jdbc:redshift://c:5439/dev", null, null, null, null, null,
                "s3://bucket/staging", ROLE);

        WarehouseConfig postgres = new WarehouseConfig("jdbc:postgresql://h:5432/dev", null, null, null, null, null, null, null);
        Function<String, String> environment = name -> "password";

        assertThatThrownBy(() -> DialectStaging.datasets(WarehouseConnector.server(bare, environment), bare,
                spark.sparkContext().hadoopConfiguration()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("warehouse.stagingUri");
        assertThat(DialectStaging.datasets(WarehouseConnector.server(configured, environment), configured,
                spark.sparkContext().hadoopConfiguration()))
                .isInstanceOf(RedshiftS3Staging.class);
        assertThat(DialectStaging.datasets(WarehouseConnector.server(postgres, environment), postgres,
                spark.sparkContext().hadoopConfiguration()))
                .isInstanceOf(PostgresDatasetCopy.class);
        assertThatThrownBy(() -> new WarehouseConfig(null, null, null, null, null, null, null, "my-role"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("warehouse.iamRole");
    }

    private static RedshiftS3Staging stager(Path staging, Configuration hadoopConf, PrintStream warnings) {
        return new RedshiftS3Staging(staging.toUri().toString().replaceAll("/$", ""), ROLE, hadoopConf, warnings);
    }

    /** The local file system with deletes refused, as an S3 prefix without {@code s3:DeleteObject} permission is. */
    public static final class UndeletableLocalFileSystem extends LocalFileSystem {
        @Override
        public boolean delete(org.apache.hadoop.fs.Path path, boolean recursive) throws IOException {
            throw new IOException("delete refused");
        }
    }
}
