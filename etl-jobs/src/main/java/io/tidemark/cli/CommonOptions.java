package io.tidemark.cli;

import io.tidemark.config.JsonConfigReader;
import io.tidemark.config.RuntimeConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every verb takes. */
public final class CommonOptions {
    @Option(names = "--workdir", paramLabel = "DIR", defaultValue = ".tidemark",
            description = "Where the embedded defaults keep their state: lake, metastore, warehouse (default: ${DEFAULT-VALUE}).")
    Path workdir;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Runtime config (JSON): storage roots, catalog, warehouse URL. Default: everything embedded in the workdir.")
    Path config;

    public Path workdir() {
        return workdir;
    }

    public RuntimeConfig runtimeConfig() {
        return config == null ? RuntimeConfig.defaults() : new JsonConfigReader().read(config, RuntimeConfig.class);
    }
}
