package io.tidemark.quality;

import io.tidemark.config.ConfigException;
import io.tidemark.config.QualityConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The rulesets of the datasets: {@code schemas/quality/<dataset>.dqdl} (blocking) and
 * {@code schemas/quality/<dataset>.warn.dqdl} (reported only), read from the jar, or from the folder
 * {@link QualityConfig#rulesDir()} names.
 */
public final class QualityRulesets {
    private final Path rulesDir;

    public QualityRulesets(QualityConfig config) {
        this.rulesDir = config.rulesDir() == null ? null : Path.of(config.rulesDir());
        if (rulesDir != null && !Files.isDirectory(rulesDir)) {
            throw new ConfigException("Cannot find the quality rules folder '" + rulesDir
                    + "' (quality.rulesDir in the runtime config)");
        }
    }

    /** Both rulesets of a dataset, parsed; a dataset without ruleset files has no rules. */
    public DatasetRules of(String dataset) {
        return new DatasetRules(dataset, read(dataset + ".dqdl"), read(dataset + ".warn.dqdl"));
    }

    private Optional<Ruleset> read(String name) {
        if (rulesDir != null) {
            Path file = rulesDir.resolve(name);
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Ruleset.parse(file.toString(), Files.readString(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (InputStream in = QualityRulesets.class.getResourceAsStream("/schemas/quality/" + name)) {
            return in == null ? Optional.empty()
                    : Optional.of(Ruleset.parse("schemas/quality/" + name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
