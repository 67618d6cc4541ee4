package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tidemark spectrum-ddl} rendering (no Spark, no warehouse: it only prints). */
class SpectrumDdlCommandRenderingTest {
    @TempDir
    Path workdir;

    @Test
    void printsTheSchemaTheJobsTablesAndTheViewThenTheResultLine() {
        Output run = run("spectrum-ddl", "--iam-role", "arn:aws:iam::111122223333:role/spectrum",
                "--job", "dms_sales", "--workdir", workdir.toString());
        List<String> lines = run.lines();
        assertThat(run.exit()).isZero();

        String output = String.join("\n", lines);
        assertThat(output).contains("CREATE EXTERNAL SCHEMA IF NOT EXISTS lake\nFROM DATA CATALOG DATABASE 'curated'",
                "CREATE EXTERNAL TABLE lake.sales_changes (", "LOCATION '" + workdir.toUri().toString().replaceAll("/$", ""),
                "WITH NO SCHEMA BINDING;");
        assertThat(output).doesNotContain("lake.vpc_flow_logs");
        assertThat(lines.get(lines.size() - 1)).startsWith("{\"status\":\"SUCCEEDED\",\"job\":\"spectrum-ddl\"")
                .contains("\"rows_out\":3");
    }

    @Test
    void aBadRoleIsABadConfigurationWithExitCode2() {
        Output run = run("spectrum-ddl", "--iam-role", "not-a-role", "--workdir", workdir.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(String.join("\n", run.lines())).contains("Cannot use IAM role 'not-a-role'");
    }

    private record Output(int exit, List<String> lines) {
    }

    private static Output run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = TidemarkCli.execute(args);
            return new Output(exit, out.toString(StandardCharsets.UTF_8).lines().toList());
        } finally {
            System.setOut(original);
        }
    }
}
