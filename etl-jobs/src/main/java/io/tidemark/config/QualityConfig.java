package io.tidemark.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where the data quality rulesets come from.
 *
 * @param rulesDir a folder holding {@code <dataset>.dqdl} and {@code <dataset>.warn.dqdl} files that replace the
 *                 rulesets shipped in the jar ({@code schemas/quality/}); null to use the shipped ones
 */
public record QualityConfig(@JsonProperty("rulesDir") String rulesDir) {
    public static QualityConfig defaults() {
        return new QualityConfig(null);
    }
}
