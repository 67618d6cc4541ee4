package io.tidemark.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.warehouse.model.WarehouseModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every job spec in {@code orchestration/jobs/} (the files Airflow's DAGs are generated from) is valid for the CLI:
 * it parses, its name is its file name, every dataset has a schema, every warehouse model is known, and its
 * schedule is valid.
 */
class JobSpecsValidationTest {
    private static final Path JOBS = Path.of(System.getProperty("tidemark.repo.root", "."), "orchestration", "jobs");

    static List<Path> specFiles() throws IOException {
        try (Stream<Path> files = Files.list(JOBS)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specFiles")
    void specIsValidForTheCli(Path file) {
        JobSpec spec = new JsonConfigReader().read(file, JobSpec.class);

        assertThat(spec.job() + ".json").isEqualTo(file.getFileName().toString());
        assertThat(spec.datasets()).as("datasets of %s", file).isNotEmpty();
        for (String dataset : spec.datasets()) {
            assertThatCode(() -> DatasetSchemas.get(dataset)).as("schema of %s", dataset).doesNotThrowAnyException();
        }
        assertThatCode(() -> WarehouseModels.validate(spec)).doesNotThrowAnyException();
        JobSchedule schedule = spec.schedule();
        assertThat(schedule.hourly()).isNotNull();
        assertThat(schedule.executor()).isNotNull();
        if (spec.landingLayout() == LandingLayout.DATED) {
            assertThat(schedule.hourly()).as("a daily snapshot has no hourly run").isFalse();
        }
    }

    @Test
    void thePackagedSpecsAreTheFilesInOrchestrationJobs() throws IOException {
        List<String> files = specFiles().stream()
                .map(p -> p.getFileName().toString().replace(".json", "")).toList();
        assertThat(files).hasSizeGreaterThanOrEqualTo(9).contains("cwlogs", "users");
        assertThat(new JobSpecs().names()).isEqualTo(files);
    }

    @Test
    void changeFeedsAndReferenceDataHaveNoLateArrivalHorizonAndEventFamiliesTheirOwn() {
        JobSpecs specs = new JobSpecs();
        for (String job : List.of("aurora_sales", "dms_sales", "debezium_sales", "users")) {
            assertThat(specs.get(job).lateArrivalHorizon()).as(job).isEmpty();
        }
        assertThat(specs.get("cwlogs").lateArrivalHorizonDays()).as("CloudWatch Logs keeps 14 days, plus retries").isEqualTo(15);
        assertThat(specs.get("flowlines").lateArrivalHorizonDays()).isEqualTo(15);
        assertThat(specs.get("clickstream").lateArrivalHorizonDays()).as("mobile clients send weeks late").isEqualTo(30);
        assertThat(specs.get("ses").lateArrivalHorizonDays()).isEqualTo(7);
        assertThat(specs.get("guardduty").lateArrivalHorizonDays()).isEqualTo(7);
    }

    @Test
    void aHorizonOnAChangeFeedIsAConfigErrorThatSaysWhatToRemove() {
        assertThatThrownBy(() -> JobSpec.of(new JobSpec.Json("aurora_sales", null, "aurora-sales/", null, new AuroraSalesSourceSpec(),
                List.of("sales_changes"), List.of(), null, 7, null, null, null)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("lateArrivalHorizonDays of job 'aurora_sales'")
                .hasMessageContaining("remove the key");
    }
}
