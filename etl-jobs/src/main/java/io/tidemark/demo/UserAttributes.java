package io.tidemark.demo;

/** A user's attributes in one snapshot ({@code segmentId} null when the snapshot leaves it empty). */
public record UserAttributes(String gender, Integer segmentId) {
}
