package io.tidemark.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    private final JsonConfigReader reader = new JsonConfigReader();

    private <T> T read(String json, Class<T> type) {
        return reader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json", type);
    }

    @Test
    void aColumnDocLongerThanACatalogCommentIsRefusedNamingTheColumn() {
        String doc = "x".repeat(ColumnSpec.MAX_DOC_LENGTH + 1);
        assertThatThrownBy(() -> new ColumnSpec("change_ts", "timestamp", false, doc))
                .isInstanceOf(ConfigException.class).hasMessageContaining("column 'change_ts'").hasMessageContaining("shorten it");
        assertThat(new ColumnSpec("change_ts", "timestamp", false, doc.substring(1)).doc()).hasSize(ColumnSpec.MAX_DOC_LENGTH);
    }

    @Test
    void emptyRuntimeConfigMeansEverythingEmbeddedInTheWorkdir(@TempDir Path workdir) {
        RuntimeConfig config = read("{}", RuntimeConfig.class).resolveAgainst(workdir);
        assertThat(config.landingRoot()).isEqualTo(workdir.resolve("landing").toUri().toString().replaceAll("/$", ""));
        assertThat(config.lakeRoot()).endsWith("/lake");
        assertThat(config.catalog().metastore()).isEqualTo(CatalogConfig.Metastore.EMBEDDED);
        assertThat(config.catalog().curatedDatabase()).isEqualTo("curated");
        assertThat(config.warehouse().jdbcUrl()).isEmpty();
        assertThat(config.warehouse().schema()).isEqualTo("tidemark");
    }

    @Test
    void fullRuntimeConfigIsRead() {
        RuntimeConfig config = read("""
                {"landingRoot": "s3a://landing-bucket/", "lakeRoot": "s3a://lake/tm",
                 "catalog": {"metastore": "cluster", "curatedDatabase": "lake_curated"},
                 "warehouse": {"url": "jdbc:redshift://c.example:5439/dev", "user": "loader", "passwordEnv": "RS_PW",
                               "dimDateFrom": "2024-01-01", "dimDateTo": "2024-12-31"},
                 "spark": {"master": "local[2]", "conf": {"spark.sql.shuffle.partitions": "4"}}}""", RuntimeConfig.class)
                .resolveAgainst(Path.of("/tmp/w"));
        assertThat(config.landingRoot()).isEqualTo("s3a://landing-bucket");
        assertThat(config.catalog().metastore()).isEqualTo(CatalogConfig.Metastore.CLUSTER);
        assertThat(config.catalog().curatedDatabase()).isEqualTo("lake_curated");
        assertThat(config.warehouse().isRedshift()).isTrue();
        assertThat(config.warehouse().dimDateTo()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(config.spark().conf()).containsEntry("spark.sql.shuffle.partitions", "4");
    }

    @Test
    void unknownKeyNamesTheFileTheKeyAndTheKnownKeys() {
        assertThatThrownBy(() -> read("{\"catalog\": {\"curatedDb\": \"x\"}}", RuntimeConfig.class))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("test.json")
                .hasMessageContaining("catalog.curatedDb")
                .hasMessageContaining("curatedDatabase");
    }

    @Test
    void badValuesSayWhatIsExpected() {
        assertThatThrownBy(() -> read("{\"warehouse\": {\"dimDateFrom\": \"01/02/2024\"}}", RuntimeConfig.class))
                .isInstanceOf(ConfigException.class).hasMessageContaining("warehouse.dimDateFrom");
        assertThatThrownBy(() -> read("{\"catalog\": {\"metastore\": \"glue\"}}", RuntimeConfig.class))
                .isInstanceOf(ConfigException.class).hasMessageContaining("catalog.metastore").hasMessageContaining("embedded");
        assertThatThrownBy(() -> read("{\"warehouse\": {\"url\": \"jdbc:mysql://h/db\"}}", RuntimeConfig.class))
                .isInstanceOf(ConfigException.class).hasMessageContaining("jdbc:redshift:");
        assertThatThrownBy(() -> read("{\"lakeRoot\": ", RuntimeConfig.class))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void sqlIdentifiersFromConfigAreValidatedNotQuoted() {
        assertThatThrownBy(() -> read("{\"warehouse\": {\"schema\": \"tidemark; drop table x\"}}", RuntimeConfig.class))
                .isInstanceOf(ConfigException.class).hasMessageContaining("warehouse.schema");
        assertThatThrownBy(() -> read("{\"catalog\": {\"curatedDatabase\": \"Curated\"}}", RuntimeConfig.class))
                .isInstanceOf(ConfigException.class).hasMessageContaining("catalog.curatedDatabase");
        assertThat(SqlIdentifier.require("fact_flow_hourly", "x")).isEqualTo("fact_flow_hourly");
    }

    @Test
    void everyShippedJobSpecIsValidAndItsDatasetsHaveSchemas(@TempDir Path unused) throws Exception {
        Path jobs = Path.of(System.getProperty("tidemark.repo.root", ".")).resolve("orchestration/jobs");
        List<Path> files;
        try (var list = Files.list(jobs)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        JobSpecs specs = new JobSpecs();
        assertThat(specs.names()).containsExactlyElementsOf(
                files.stream().map(p -> p.getFileName().toString().replace(".json", "")).toList());
        for (JobSpec spec : specs.all()) {
            assertThat(spec.datasets()).isNotEmpty();
            spec.datasets().forEach(d -> assertThat(DatasetSchemas.get(d).dataset()).isEqualTo(d));
            io.tidemark.jobs.JobRunner.validate(spec);
        }
    }

    @Test
    void jobSpecErrorsNameTheJobAndTheKey() {
        assertThatThrownBy(() -> read("""
                {"job": "x", "landingPrefix": "x/", "source": {"family": "kafka"}}""", JobSpec.class))
                .isInstanceOf(ConfigException.class).hasMessageContaining("source").hasMessageContaining("kafka");
        assertThatThrownBy(() -> read("""
                {"job": "x", "landingPrefix": "/abs", "source": {"family": "cloudwatch_logs"}}""", JobSpec.class))
                .isInstanceOf(ConfigException.class).hasMessageContaining("landingPrefix");
        assertThatThrownBy(() -> read("""
                {"job": "x", "landingPrefix": "x/", "source": {"family": "cloudwatch_logs", "flowLogGroupPattern": "(["}}""", JobSpec.class))
                .isInstanceOf(ConfigException.class).hasMessageContaining("flowLogGroupPattern");
    }

    @Test
    void datasetSchemasDeclareTheirKeyAndPartitioning() {
        DatasetSchema flows = DatasetSchemas.get("vpc_flow_logs");
        assertThat(flows.key()).containsExactly("event_id");
        assertThat(flows.partitioning()).containsExactly("dt", "hr");
        assertThat(flows.columnNames()).contains("start", "end", "action", "log_status", "traffic_path");
        assertThat(DatasetSchemas.get("quarantine").hasLineage()).isFalse();
        assertThatThrownBy(() -> DatasetSchemas.get("nope")).isInstanceOf(ConfigException.class).hasMessageContaining("schemas/nope.json");
    }
}
