package io.tidemark.sources.clickstream;

import io.tidemark.landing.ReasonCode;

/**
 * A field of a clickstream record, read and coerced: either a value (null when the field is absent and optional)
 * or the reason the record cannot be curated.
 */
record FieldValue<T>(T value, ReasonCode problem, String detail) {
    static <T> FieldValue<T> ok(T value) {
        return new FieldValue<>(value, null, null);
    }

    static <T> FieldValue<T> bad(ReasonCode problem, String detail) {
        return new FieldValue<>(null, problem, detail);
    }

    boolean failed() {
        return problem != null;
    }
}
