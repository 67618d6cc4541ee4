package io.tidemark.cli;

import io.tidemark.catalog.TableRef;
import io.tidemark.config.DatasetSchema;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.config.JobSpec;
import io.tidemark.config.JobSpecs;
import io.tidemark.config.RuntimeConfig;
import io.tidemark.jobs.TidemarkRuntime;
import io.tidemark.lake.PartitionVersion;
import io.tidemark.ops.RunResult;
import io.tidemark.warehouse.spectrum.SpectrumDdl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tidemark spectrum-ddl --iam-role ARN [--job J] [--partitions]}: prints the Redshift Spectrum DDL of the
 * curated tables (external schema {@code lake}, external tables, the season view over Spectrum), each statement
 * ended by {@code ;}, for a DBA to run on Redshift (outside a transaction). With {@code --partitions} it also prints
 * the partitions the catalog has published, in ADD PARTITION statements of at most 100.
 */
@Command(name = "spectrum-ddl", mixinStandardHelpOptions = true,
        description = "Print the Redshift Spectrum DDL (external schema lake, external tables, partitions, views) of the curated tables.")
final class SpectrumDdlCommand extends ResultCommand {
    @Option(names = "--iam-role", required = true, paramLabel = "ARN",
            description = "The IAM role Redshift assumes to read the Glue Data Catalog and the lake.")
    String iamRole;

    @Option(names = "--job", paramLabel = "JOB", description = "Only the curated tables of this job (default: every job's).")
    String job;

    @Option(names = "--partitions", description = "Also print the partitions published in the catalog (catalog.kind: the"
            + " Hive metastore or the Glue Data Catalog).")
    boolean partitions;

    @Override
    protected RunResult execute() {
        long started = System.currentTimeMillis();
        RuntimeConfig config = common.runtimeConfig().resolveAgainst(common.workdir().toAbsolutePath().normalize());
        SpectrumDdl ddl = new SpectrumDdl(config.catalog().curatedDatabase(), iamRole, config.lakeRoot(),
                config.warehouse().schema());
        List<JobSpec> specs = job == null ? new JobSpecs().all() : List.of(new JobSpecs().get(job));
        List<DatasetSchema> schemas = new TreeSet<>(specs.stream().flatMap(s -> s.datasets().stream()).toList())
                .stream().map(DatasetSchemas::get).toList();
        Map<String, List<PartitionVersion>> published = partitions ? published(schemas) : Map.of();
        List<String> statements = ddl.all(schemas, published);
        statements.forEach(statement -> System.out.println(statement + ";\n"));
        return RunResult.succeeded(jobName(), null, null).rowsOut(statements.size())
                .durationMs(System.currentTimeMillis() - started).build();
    }

    private Map<String, List<PartitionVersion>> published(List<DatasetSchema> schemas) {
        Map<String, List<PartitionVersion>> published = new LinkedHashMap<>();
        try (TidemarkRuntime runtime = new TidemarkRuntime(common.workdir(), common.runtimeConfig())) {
            for (DatasetSchema schema : schemas) {
                TableRef table = new TableRef(runtime.config().catalog().curatedDatabase(), schema.dataset());
                if (!runtime.catalog().tableExists(table)) {
                    continue;
                }
                List<PartitionVersion> versions = new ArrayList<>();
                runtime.catalog().allLocations(table).forEach((key, location) -> versions.add(new PartitionVersion(key, location)));
                versions.sort((a, b) -> a.partition().compareTo(b.partition()));
                published.put(schema.dataset(), versions);
            }
        }
        return published;
    }

    @Override
    protected String jobName() {
        return "spectrum-ddl";
    }
}
