package io.tidemark.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ordered fields of a VPC flow-log format: the default version-2 format or a custom format whose
 * fields come in the user's order. Parsed from the space-separated field list of the flow-log
 * definition (the same text as the header line of flow-log files).
 *
 * @param fields the fields in the order they appear on a line; not empty, no duplicates
 */
public record FlowLogFormat(List<FlowLogField> fields) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The default format: all version-2 fields in their documented order. */
    public static final FlowLogFormat DEFAULT_V2 = parse(
            "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status");

    private static final List<String> CANONICAL_COLUMNS =
            Arrays.stream(FlowLogField.values()).map(FlowLogField::columnName).toList();

    public FlowLogFormat {
        fields = List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new ConfigException("Cannot use flow-log format: it has no fields");
        }
        Set<FlowLogField> seen = EnumSet.noneOf(FlowLogField.class);
        for (FlowLogField field : fields) {
            if (!seen.add(field)) {
                throw new ConfigException("Cannot use flow-log format: field '" + field.fieldName() + "' appears twice");
            }
        }
    }

    /**
     * @param spec field names separated by whitespace, e.g. {@code "version account-id interface-id ..."};
     *             names may also be written as {@code ${version}} like in the AWS log-format string
     * @throws ConfigException if the list is empty, has duplicates or names a field that is not a
     *                         version 2-5 flow-log field
     */
    public static FlowLogFormat parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new ConfigException("Cannot parse flow-log format: it is empty");
        }
        List<FlowLogField> fields = new ArrayList<>();
        for (String token : spec.trim().split("\\s+")) {
            String name = token.startsWith("${") && token.endsWith("}") ? token.substring(2, token.length() - 1) : token;
            fields.add(FlowLogField.byName(name).orElseThrow(() -> new ConfigException(
                    "Cannot parse flow-log format: unknown field '" + name + "' in \"" + spec.trim()
                            + "\"; known fields (versions 2-5): " + knownNames())));
        }
        return new FlowLogFormat(fields);
    }

    /** The 29 dataset column names from {@code version} to {@code traffic_path}, in schema order. */
    public static List<String> canonicalColumns() {
        return CANONICAL_COLUMNS;
    }

    /** The field names in format order, as they appear in a header line. */
    public List<String> fieldNames() {
        return fields.stream().map(FlowLogField::fieldName).toList();
    }

    public boolean contains(FlowLogField field) {
        return fields.contains(field);
    }

    @Override
    public String toString() {
        return String.join(" ", fieldNames());
    }

    private static String knownNames() {
        return Arrays.stream(FlowLogField.values()).map(FlowLogField::fieldName).collect(Collectors.joining(" "));
    }
}
