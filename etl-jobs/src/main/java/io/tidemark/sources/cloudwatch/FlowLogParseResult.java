package io.tidemark.sources.cloudwatch;

import io.tidemark.config.FlowLogFormat;

import io.tidemark.landing.ReasonCode;
import java.util.List;

/** The outcome of parsing one flow-log line: a row, the header line, or a failure. */
public sealed interface FlowLogParseResult {

    /**
     * A data line (including NODATA and SKIPDATA lines).
     *
     * @param fields values aligned with {@link FlowLogFormat#canonicalColumns()}: {@link Integer},
     *               {@link Long} or {@link String}; null for '-' and for fields the format lacks
     */
    record Row(Object[] fields) implements FlowLogParseResult {
        /** The fields as a list (nulls included), handy for comparisons. */
        public List<Object> asList() {
            return java.util.Arrays.asList(fields);
        }
    }

    /** The header line (the format's field names); not data. */
    record Header() implements FlowLogParseResult {
    }

    /**
     * A line that cannot become a row.
     *
     * @param reason SCHEMA_MISMATCH or BAD_TIMESTAMP
     * @param detail what is wrong, naming the field and the value
     */
    record Failure(ReasonCode reason, String detail) implements FlowLogParseResult {
    }
}
