package io.tidemark.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How objects are laid out under a job's landing prefix, which decides what a window reads. */
public enum LandingLayout {
    /** Firehose's {@code YYYY/MM/dd/HH/} arrival-time prefixes (and the error-output folders beside them). */
    @JsonProperty("firehose") FIREHOSE,
    /** Hive-style daily snapshot folders {@code dt=yyyy-MM-dd/} (reference data). */
    @JsonProperty("dated") DATED,
    /**
     * No time in the path (AWS DMS table folders, Kafka Connect topic folders): a run reads every object under the
     * prefix that its ledger has not recorded, whatever the window, which only names the run.
     */
    @JsonProperty("flat") FLAT
}
