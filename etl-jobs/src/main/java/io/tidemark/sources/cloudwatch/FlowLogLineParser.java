package io.tidemark.sources.cloudwatch;

import io.tidemark.config.FlowLogField;
import io.tidemark.config.FlowLogFormat;

import io.tidemark.landing.ReasonCode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parses one VPC flow-log line of a given {@link FlowLogFormat} into values aligned with
 * {@link FlowLogFormat#canonicalColumns()}. Fields are separated by runs of whitespace; '-' means
 * null. A line with the wrong number of fields is a failure, never shifted into other columns. A {@code start}
 * that is negative or after year 9999 (milliseconds, garbage) is a BAD_TIMESTAMP failure.
 */
public final class FlowLogLineParser implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Latest {@code start} accepted: 9999-12-31T23:59:59Z (later ones are not times a partition can hold). */
    static final long MAX_START_SECONDS = 253_402_300_799L;

    private final FlowLogFormat format;
    /** The format's header line, as tokens: every line is compared with it. */
    private final List<String> header;

    public FlowLogLineParser(FlowLogFormat format) {
        this.format = Objects.requireNonNull(format, "format is null");
        this.header = List.copyOf(format.fieldNames());
    }

    public FlowLogFormat format() {
        return format;
    }

    public FlowLogParseResult parse(String line) {
        List<String> tokens = split(line);
        if (tokens.equals(header)) {
            return new FlowLogParseResult.Header();
        }
        if (allFieldNames(tokens)) {
            return new FlowLogParseResult.Failure(ReasonCode.SCHEMA_MISMATCH,
                    "Cannot parse flow-log header: its fields \"" + String.join(" ", tokens)
                            + "\" differ from the configured format \"" + format + "\"");
        }
        List<FlowLogField> fields = format.fields();
        if (tokens.size() != fields.size()) {
            return new FlowLogParseResult.Failure(ReasonCode.SCHEMA_MISMATCH,
                    "Cannot parse flow-log line: expected " + fields.size() + " fields (format \"" + format
                            + "\"), found " + tokens.size());
        }
        Object[] values = new Object[FlowLogField.values().length];
        for (int i = 0; i < fields.size(); i++) {
            FlowLogField field = fields.get(i);
            String token = tokens.get(i);
            if (token.equals("-")) {
                continue;
            }
            try {
                values[field.columnIndex()] = convert(field, token);
            } catch (NumberFormatException e) {
                ReasonCode reason = field == FlowLogField.START ? ReasonCode.BAD_TIMESTAMP : ReasonCode.SCHEMA_MISMATCH;
                return new FlowLogParseResult.Failure(reason, "Cannot parse flow-log field " + field.fieldName()
                        + ": '" + token + "' is not " + (field.type() == FlowLogField.Type.INT ? "an int" : "a bigint"));
            }
        }
        if (values[FlowLogField.START.columnIndex()] == null) {
            return new FlowLogParseResult.Failure(ReasonCode.BAD_TIMESTAMP, format.contains(FlowLogField.START)
                    ? "Cannot read flow-log start: the value is '-'"
                    : "Cannot read flow-log start: the format \"" + format + "\" has no start field");
        }
        long start = (Long) values[FlowLogField.START.columnIndex()];
        if (start < 0 || start > MAX_START_SECONDS) {
            return new FlowLogParseResult.Failure(ReasonCode.BAD_TIMESTAMP, "Cannot read flow-log start: '" + start
                    + "' is not Unix seconds between 0 and " + MAX_START_SECONDS + " (9999-12-31T23:59:59Z)"
                    + (start > MAX_START_SECONDS && start / 1000 <= MAX_START_SECONDS ? "; it looks like milliseconds" : ""));
        }
        return new FlowLogParseResult.Row(values);
    }

    /** Whether the tokens are a header line: field names only (a data line's first token never is one). */
    private static boolean allFieldNames(List<String> tokens) {
        for (String token : tokens) {
            if (FlowLogField.byName(token).isEmpty()) {
                return false;
            }
        }
        return !tokens.isEmpty();
    }

    private static Object convert(FlowLogField field, String token) {
        return switch (field.type()) {
            case INT -> Integer.valueOf(token);
            case BIGINT -> Long.valueOf(token);
            case STRING -> token;
        };
    }

    /** Splits on runs of whitespace, ignoring leading and trailing whitespace (and so a trailing \r\n). */
    public static List<String> split(String line) {
        List<String> tokens = new ArrayList<>(32);
        int n = line.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                tokens.add(line.substring(start, i));
            }
        }
        return tokens;
    }
}
