package io.tidemark.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tidemark quality ...}: the data quality verbs. */
@Command(name = "quality", mixinStandardHelpOptions = true,
        description = "Data quality: the metric history the quality gate keeps in the lake (_tidemark/quality/).",
        subcommands = {QualityHistoryCommand.class})
final class QualityCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
