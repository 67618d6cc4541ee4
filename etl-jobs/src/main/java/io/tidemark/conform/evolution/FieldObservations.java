package io.tidemark.conform.evolution;

import io.tidemark.sources.NewFieldKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** How many values of each kind every new field of a batch had, fields in name order. */
public record FieldObservations(Map<String, Map<NewFieldKind, Long>> counts) {
    public static final FieldObservations NONE = new FieldObservations(Map.of());

    public FieldObservations {
        Map<String, Map<NewFieldKind, Long>> copy = new TreeMap<>();
        counts.forEach((field, kinds) -> copy.put(field, Collections.unmodifiableMap(new EnumMap<>(kinds.isEmpty()
                ? new EnumMap<>(NewFieldKind.class) : kinds))));
        counts = Collections.unmodifiableMap(copy);
    }

    /** Builds observations one (field, kind, count) at a time. */
    public static final class Builder {
        private final Map<String, Map<NewFieldKind, Long>> counts = new TreeMap<>();

        public Builder add(String field, NewFieldKind kind, long count) {
            counts.computeIfAbsent(field, f -> new EnumMap<>(NewFieldKind.class)).merge(kind, count, Long::sum);
            return this;
        }

        public FieldObservations build() {
            return new FieldObservations(counts);
        }
    }
}
