package io.tidemark.lake;

import static io.tidemark.testing.DataFrameAssertions.assertSameRowsInAnyOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.config.ConfigException;
import io.tidemark.config.DatasetSchema;
import io.tidemark.config.JsonConfigReader;
import io.tidemark.conform.MergedPartitions;
import io.tidemark.config.PartitionKey;
import io.tidemark.sources.DatasetStructs;
import io.tidemark.testing.LocalSpark;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File sizing on real Parquet: a partition bigger than the dataset's target is cut into files of about the target,
 * a partition that fits stays one file, and the rows written are exactly the rows given.
 */
class FileSizingTest {
    private static final PartitionKey BIG = PartitionKey.parse("sized/dt=2026-11-24/hr=10");
    private static final PartitionKey SMALL = PartitionKey.parse("sized/dt=2026-11-24/hr=11");

    @TempDir
    static Path workdir;

    private static SparkSession spark;
    private static Dataset<Row> rows;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start(workdir);
        Random random = new Random(42);
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            data.add(RowFactory.create(String.format("%08d-%016x", i, random.nextLong()), random.nextLong(),
                    Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()), "2026-11-24", "10"));
        }
        for (int i = 0; i < 50; i++) {
            data.add(RowFactory.create(String.format("s%07d", i), (long) i, "small", "2026-11-24", "11"));
        }
        rows = spark.createDataFrame(data, DatasetStructs.curatedRow(schema(null))).cache();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** A narrow dataset without lineage columns; {@code targetFileMB} null means the default. */
    private static DatasetSchema schema(String targetFileMB) {
        String json = """
                {"dataset": "sized", "key": ["id"], "lineage": false, "partitioning": ["dt", "hr"],
                 "columns": [{"name": "id", "type": "string", "nullable": false},
                             {"name": "n", "type": "bigint"}, {"name": "payload", "type": "string"}]
                """ + (targetFileMB == null ? "" : ", \"targetFileMB\": " + targetFileMB) + "}";
        return new JsonConfigReader().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "schemas/sized.json",
                DatasetSchema.class);
    }

    private static List<PartitionVersion> write(DatasetSchema schema, String version) {
        String root = workdir.resolve("lake/curated/sized/v-" + version).toUri().toString();
        return new PartitionVersionWriter().write(schema, new MergedPartitions(rows, List.of(BIG, SMALL), rows.count(), 0), root, List.of());
    }

    private static List<DataFile> files(List<PartitionVersion> versions, PartitionKey key) {
        String location = versions.stream().filter(v -> v.partition().equals(key)).findFirst().orElseThrow().location();
        return new ParquetFolders(spark.sparkContext().hadoopConfiguration()).dataFiles(location);
    }

    private static void assertSameRows(List<PartitionVersion> versions) {
        Dataset<Row> written = spark.read().schema(DatasetStructs.curatedRow(schema(null)))
                .parquet(versions.get(0).location().replaceAll("/dt=.*$", ""));
        assertSameRowsInAnyOrder(rows, written);
    }

    @Test
    void aPartitionBiggerThanATinyTargetIsCutIntoFilesOfAboutTheTarget() {
        DatasetSchema schema = schema("0.05");
        long target = schema.targetFileBytes();
        List<PartitionVersion> versions = write(schema, "tiny");

        List<DataFile> big = files(versions, BIG);
        long bigBytes = big.stream().mapToLong(DataFile::bytes).sum();
        long expected = (bigBytes + target - 1) / target;
        assertThat((long) big.size()).as("files of %d bytes for a target of %d", bigBytes, target)
                .isBetween(Math.max(2, expected * 2 / 3), expected * 3 / 2);
        List<Long> sizes = big.stream().map(DataFile::bytes).sorted().toList();
        // every file but the remainder is about the target
        assertThat(sizes.subList(1, sizes.size())).allSatisfy(size -> assertThat(size).isBetween(target / 2, target * 3 / 2));
        assertThat(big.stream().mapToLong(DataFile::rows).sum()).isEqualTo(20_000);
        assertThat(files(versions, SMALL)).hasSize(1);
        assertSameRows(versions);
    }

    @Test
    void withTheDefaultTargetEachPartitionIsOneFile() {
        DatasetSchema schema = schema(null);
        assertThat(schema.targetFileBytes()).isEqualTo(128L * 1024 * 1024);
        List<PartitionVersion> versions = write(schema, "default");

        assertThat(files(versions, BIG)).hasSize(1);
        assertThat(files(versions, SMALL)).hasSize(1);
        assertSameRows(versions);
    }

    @Test
    void theEstimateComesFromPublishedFilesWhenTheyAreBigEnough() {
        DatasetSchema schema = schema(null);
        List<PartitionVersion> published = write(schema, "published");
        FileSizing sizing = new FileSizeEstimator().estimate(schema("0.05"), rows,
                published.stream().map(PartitionVersion::location).toList(), 0);
        DataFile reference = files(published, BIG).get(0);

        assertThat(sizing.basis()).isEqualTo("1 published files");
        assertThat(sizing.bytesPerRow()).isEqualTo((double) reference.dataBytes() / reference.rows());
        assertThat(sizing.rowsPerFile()).isEqualTo((long) Math.floor(schema("0.05").targetFileBytes() / sizing.bytesPerRow()));
    }

    @Test
    void withoutPublishedFilesTheEstimateIsThePlainEncodedSizeAndNothingIsWritten() throws java.io.IOException {
        DatasetSchema schema = schema("0.05");
        FileSizing measured = new FileSizeEstimator().estimate(schema, rows, List.of(), 0);
        FileSizing given = new FileSizeEstimator().estimate(schema, rows, List.of(), 50.0);

        // id: 25 characters, payload: 2 hex longs (up to 32 characters), each with a 4-byte length; n: 8 bytes
        assertThat(measured.basis()).isEqualTo("the rows' plain-encoded size");
        assertThat(measured.bytesPerRow()).isBetween(60.0, 75.0);
        assertThat(given.bytesPerRow()).isEqualTo(50.0);
        assertThat(given.rowsPerFile()).isEqualTo((long) Math.floor(schema.targetFileBytes() / 50.0));
        try (java.util.stream.Stream<Path> written = java.nio.file.Files.walk(workdir)) {
            assertThat(written.map(Path::toString)).noneMatch(p -> p.contains("_sizing"));
        }
    }

    @Test
    void aTargetThatIsNotAPositiveSizeIsRejectedNamingTheSetting() {
        assertThatThrownBy(() -> schema("0"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schemas/sized.json").hasMessageContaining("targetFileMB");
    }
}
