package io.tidemark.conform.evolution;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A change of a dataset's recorded schema, flagged for the warehouse side ({@link SchemaChangeLog}).
 *
 * @param change {@code ADD_COLUMN} (a nullable column added to the curated table) or {@code RETAIN_COLUMN} (a
 *               column removed from schemas/&lt;dataset&gt;.json, kept in the table, null from now on)
 * @param field  the raw field the column holds, when it was added for a new field of the raw data
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchemaChange(
        @JsonProperty("dataset") String dataset,
        @JsonProperty("change") String change,
        @JsonProperty("column") String column,
        @JsonProperty("type") String type,
        @JsonProperty("field") String field,
        @JsonProperty("run_id") String runId,
        @JsonProperty("window") String window) {

    public static final String ADD_COLUMN = "ADD_COLUMN";
    public static final String RETAIN_COLUMN = "RETAIN_COLUMN";

    /** One line for stderr. */
    public String describe() {
        return "tidemark: schema change " + dataset + ": " + change + " " + column + " " + type
                + (field == null ? "" : " (raw field '" + field + "')") + ", run " + runId;
    }
}
