package io.tidemark.warehouse.redshift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * A Redshift COPY manifest: the exact files to load, each {@code mandatory} (COPY fails when one is missing
 * instead of loading less) and with {@code meta.content_length}, which COPY requires for Parquet and ORC files.
 * <pre>{"entries":[{"url":"s3://bucket/prefix/part-0.parquet","mandatory":true,"meta":{"content_length":1234}}]}</pre>
 */
public record CopyManifest(List<Entry> entries) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One staged file: its {@code s3://} URL and its size in bytes. */
    public record Entry(String url, long contentLength) {
        public Entry {
            Objects.requireNonNull(url, "url is null");
            if (contentLength < 0) {
                throw new IllegalArgumentException("content length of " + url + " is negative: " + contentLength);
            }
        }
    }

    public CopyManifest {
        entries = List.copyOf(entries);
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("entries");
        for (Entry entry : entries) {
            ObjectNode node = array.addObject();
            node.put("url", entry.url());
            node.put("mandatory", true);
            node.putObject("meta").put("content_length", entry.contentLength());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a COPY manifest", e);
        }
    }

    /**
     * The URL Redshift reads: {@code s3://} for files Spark wrote through {@code s3a://} or {@code s3n://} (the same
     * objects); other schemes are kept as they are.
     */
    public static String redshiftUrl(String hadoopUri) {
        return hadoopUri.replaceFirst("^s3[an]://", "s3://");
    }
}
