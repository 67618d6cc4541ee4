package io.tidemark.conform.evolution;

/** A column filled from a new raw field: the field's name as landed, the column, and the column's stored type. */
public record FieldConversion(String field, String column, String type) {
}
