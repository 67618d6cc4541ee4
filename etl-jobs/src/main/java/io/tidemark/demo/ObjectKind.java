package io.tidemark.demo;

/** What a generated landed object is, for tests that need to find the traps. */
public enum ObjectKind {
    /** An ordinary Firehose object: concatenated gzip members, one CloudWatch envelope each. */
    DATA,
    /** An exact byte copy of an earlier DATA object under a key in the next hour (at-least-once). */
    REDELIVERY,
    /** A DATA object cut in the middle of a gzip member: the members before the cut are readable. */
    TRUNCATED,
    /** Bytes that are not gzip at all. */
    GARBAGE
}
