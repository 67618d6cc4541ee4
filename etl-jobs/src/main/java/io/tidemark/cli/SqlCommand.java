package io.tidemark.cli;

import io.tidemark.jobs.TidemarkRuntime;
import io.tidemark.ops.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tidemark sql [--lake] [--format table|csv|json] "SELECT ..."}. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Query the warehouse (default) or, with --lake, the curated lake through Spark SQL and the catalog.")
final class SqlCommand extends ResultCommand {
    @Parameters(index = "0", paramLabel = "SQL", description = "One SQL statement.")
    String sql;

    @Option(names = "--lake", description = "Query the lake (Spark SQL over the catalog, default database: curated), as Athena would.")
    boolean lake;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|json",
            description = "Output: an aligned table (default), CSV with a header, or one JSON object per row.")
    String format;

    @Override
    protected RunResult execute() throws Exception {
        long started = System.currentTimeMillis();
        ResultTable.Format output = parseFormat(format);
        try (TidemarkRuntime runtime = new TidemarkRuntime(common.workdir(), common.runtimeConfig())) {
            QueryRunner queries = new QueryRunner(runtime);
            ResultTable table = lake ? queries.lake(sql) : queries.warehouse(sql);
            table.print(System.out, output);
            return RunResult.succeeded(jobName(), null, null).rowsOut(table.rows().size())
                    .durationMs(System.currentTimeMillis() - started).build();
        }
    }

    static ResultTable.Format parseFormat(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "table" -> ResultTable.Format.TABLE;
            case "csv" -> ResultTable.Format.CSV;
            case "json" -> ResultTable.Format.JSON;
            default -> throw new io.tidemark.config.ConfigException("Cannot use --format " + value + ": expected table, csv or json");
        };
    }

    @Override
    protected boolean recordsRun() {
        return false;
    }

    @Override
    protected String jobName() {
        return lake ? "sql-lake" : "sql";
    }
}
