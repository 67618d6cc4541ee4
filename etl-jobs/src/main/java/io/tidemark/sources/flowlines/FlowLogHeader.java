package io.tidemark.sources.flowlines;

import io.tidemark.config.FlowLogField;
import io.tidemark.config.FlowLogFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A header line of field names ({@code version account-id interface-id ...}) found in a flow-log text object. A
 * line is a header when every token looks like a field name (lower-case words joined by '-') and at least one of
 * them is a known version 2-5 field: data values never qualify (numbers, '-', upper-case ACCEPT/OK/IPv4, ids such
 * as {@code eni-0a1b} are not field names).
 *
 * @param names      the tokens in line order
 * @param known      for each position, the known field, or null for a field this dataset has no column for
 *                   (a later-version field such as {@code reject-reason} or {@code ecs-cluster-name})
 * @param duplicates field names that appear more than once (the header cannot be used then)
 */
record FlowLogHeader(List<String> names, List<FlowLogField> known, List<String> duplicates) {
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /** The header in {@code tokens}, or empty if they are not a header line. */
    static Optional<FlowLogHeader> detect(List<String> tokens) {
        if (tokens.isEmpty() || !tokens.stream().allMatch(t -> FIELD_NAME.matcher(t).matches())
                || tokens.stream().noneMatch(t -> FlowLogField.byName(t).isPresent())) {
            return Optional.empty();
        }
        List<FlowLogField> known = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (String token : tokens) {
            known.add(FlowLogField.byName(token).orElse(null));
            if (!seen.add(token)) {
                duplicates.add(token);
            }
        }
        return Optional.of(new FlowLogHeader(List.copyOf(tokens), java.util.Collections.unmodifiableList(known),
                List.copyOf(duplicates)));
    }

    boolean usable() {
        return duplicates.isEmpty();
    }

    /** True if some positions hold fields the dataset has no column for. */
    boolean hasUnknownFields() {
        return known.contains(null);
    }

    List<String> unknownNames() {
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (known.get(i) == null) {
                unknown.add(names.get(i));
            }
        }
        return unknown;
    }

    /** The format of the known fields, in line order (only for a {@link #usable()} header). */
    FlowLogFormat knownFormat() {
        return new FlowLogFormat(known.stream().filter(f -> f != null).toList());
    }

    @Override
    public String toString() {
        return String.join(" ", names);
    }
}
