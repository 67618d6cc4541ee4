package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.config.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Glue's argument style, translated into Tidemark command lines. */
class GlueArgumentsTest {
    /** What a Glue 5 Spark job run hands the main class: Glue's parameters mixed with the job's. */
    private static final String[] GLUE_RUN = {
            "--JOB_ID", "j_0123", "--JOB_RUN_ID", "jr_4567", "--job-bookmark-option", "job-bookmark-disable",
            "--TempDir", "s3://aws-glue-assets-1234-eu-west-1/temporary/", "--enable-glue-datacatalog", "true",
            "--enable-metrics", "true", "--enable-continuous-cloudwatch-log", "true", "--JOB_NAME", "tidemark-cwlogs",
            "--verb", "run", "--job", "cwlogs", "--date", "2026-11-24", "--hour", "10", "--skip-load", "true",
            "--config", "tidemark.json"};

    @Test
    void aGlueRunBecomesATidemarkCommandLineWithGluesOwnParametersSetAside() {
        assertThat(GlueArguments.isGlueStyle(GLUE_RUN)).isTrue();
        GlueArguments glue = GlueArguments.parse(GLUE_RUN);

        assertThat(glue.commandLine()).containsExactly("run", "cwlogs", "--date", "2026-11-24", "--hour", "10",
                "--skip-load", "--config", "tidemark.json");
        assertThat(glue.jobName()).isEqualTo("tidemark-cwlogs");
        assertThat(glue.glueOptions()).containsOnlyKeys("JOB_ID", "JOB_RUN_ID", "job-bookmark-option", "TempDir",
                "enable-glue-datacatalog", "enable-metrics", "enable-continuous-cloudwatch-log", "JOB_NAME");
        assertThat(glue.describe()).contains("tidemark run cwlogs --date 2026-11-24").doesNotContain("s3://aws-glue-assets");
    }

    @Test
    void theShippedGlueJobDefinitionTranslatesIntoARunOfItsJob() throws Exception {
        Path definition = Path.of(System.getProperty("tidemark.repo.root", "."), "orchestration", "glue", "job-cwlogs.json");
        JsonNode defaults = new ObjectMapper().readTree(definition.toFile()).get("DefaultArguments");
        List<String> args = new ArrayList<>(List.of("--JOB_ID", "j_1", "--JOB_RUN_ID", "jr_1", "--JOB_NAME", "tidemark-cwlogs"));
        defaults.fields().forEachRemaining(e -> args.addAll(List.of(e.getKey(), e.getValue().asText())));
        args.addAll(List.of("--date", "2026-11-24", "--hour", "10"));

        GlueArguments glue = GlueArguments.parse(args.toArray(String[]::new));

        assertThat(glue.commandLine()).containsExactly("run", "cwlogs", "--config", "tidemark.json", "--date", "2026-11-24",
                "--hour", "10");
        assertThat(glue.glueOptions()).containsKeys("class", "extra-jars", "extra-files", "job-language",
                "enable-glue-datacatalog", "job-bookmark-option");
    }

    @Test
    void modelsEqualsSignsAndFalseFlagsAreUnderstood() {
        GlueArguments load = GlueArguments.parse("--verb=load", "--model=flow_hourly", "--date", "2026-11-24",
                "--skip-load", "false", "--enable-spark-ui", "--JOB_NAME", "t");
        assertThat(load.commandLine()).containsExactly("load", "flow_hourly", "--date", "2026-11-24");
        GlueArguments report = GlueArguments.parse("--JOB_NAME", "t", "--verb", "report", "--last", "5");
        assertThat(report.commandLine()).containsExactly("report", "--last", "5");
    }

    @Test
    void aTidemarkCommandLineIsNotGlueStyle() {
        assertThat(GlueArguments.isGlueStyle("run", "cwlogs", "--date", "2026-11-24")).isFalse();
        assertThat(GlueArguments.isGlueStyle("--help")).isFalse();
        assertThat(GlueArguments.isGlueStyle()).isFalse();
        assertThat(GlueArguments.isGlueStyle("sql", "SELECT '--verb'")).isFalse();
    }

    @Test
    void missingVerbSeveralSubjectsAndValuelessParametersAreBadUsage() {
        assertThatThrownBy(() -> GlueArguments.parse("--JOB_NAME", "t", "--job", "cwlogs"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--verb is missing");
        assertThatThrownBy(() -> GlueArguments.parse("--verb", "run", "--job", "a", "--model", "b"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not several");
        assertThatThrownBy(() -> GlueArguments.parse("--verb", "run", "--date"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--date has no value");
        assertThatThrownBy(() -> GlueArguments.parse("--verb", "run", "stray"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'stray'");
    }

    @Test
    void theCliRunsGlueStyleArgumentsAndRejectsUnknownParametersAsUsageErrors(@TempDir Path tmp) throws Exception {
        CapturedCli unknownJob = CapturedCli.run("--JOB_NAME", "t", "--TempDir", "s3://b/tmp/", "--verb", "run",
                "--job", "nosuchjob", "--date", "2026-11-24", "--workdir", tmp.toString());
        assertThat(unknownJob.exitCode()).isEqualTo(2);
        assertThat(unknownJob.resultLine().get("error").get("message").asText()).contains("nosuchjob", "cwlogs");

        CapturedCli typo = CapturedCli.run("--JOB_NAME", "t", "--verb", "run", "--job", "cwlogs", "--date", "2026-11-24",
                "--hours", "10");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.resultLine().get("error").get("message").asText()).contains("Unknown option", "--hours");

        CapturedCli noVerb = CapturedCli.run("--JOB_NAME", "t", "--job", "cwlogs");
        assertThat(noVerb.exitCode()).isEqualTo(2);
        assertThat(List.of(noVerb.resultLine().get("status").asText())).containsExactly("FAILED");
    }
}
