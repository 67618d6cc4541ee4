package io.tidemark.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a dataset follows new fields in its raw data ({@code "evolution"} in {@code schemas/<dataset>.json}).
 *
 * @param newFields          {@code add}: a new top-level scalar field of the raw records becomes a nullable column
 *                           of the curated table and the catalog; {@code ignore} (default): new fields are not stored
 * @param maxNewFieldsPerRun more new fields than this in one run stop the dataset (a producer writing data into
 *                           field names would otherwise add a column per value); default 20
 */
public record EvolutionPolicy(
        @JsonProperty("newFields") NewFields newFields,
        @JsonProperty("maxNewFieldsPerRun") Integer maxNewFieldsPerRun) {

    public static final EvolutionPolicy NONE = new EvolutionPolicy(NewFields.IGNORE, null);
    public static final int DEFAULT_MAX_NEW_FIELDS_PER_RUN = 20;

    /** What to do with a raw field the parser does not map to a column. */
    public enum NewFields {
        @JsonProperty("add") ADD,
        @JsonProperty("ignore") IGNORE
    }

    public EvolutionPolicy {
        newFields = newFields == null ? NewFields.IGNORE : newFields;
        maxNewFieldsPerRun = maxNewFieldsPerRun == null ? DEFAULT_MAX_NEW_FIELDS_PER_RUN : maxNewFieldsPerRun;
        if (maxNewFieldsPerRun < 1) {
            throw new ConfigException("Cannot use evolution.maxNewFieldsPerRun " + maxNewFieldsPerRun + ": expected at least 1");
        }
    }

    public boolean addsNewFields() {
        return newFields == NewFields.ADD;
    }
}
