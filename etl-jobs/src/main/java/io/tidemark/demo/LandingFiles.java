package io.tidemark.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * The file side of every demo landing generator: refusing a prefix that already holds objects, writing an
 * object under the landing root, and gzipping an in-memory body (default level; Java writes a zero mtime, so
 * the bytes are reproducible).
 */
final class LandingFiles {
    private LandingFiles() {
    }

    /**
     * Returns quietly if {@code prefix} does not exist or holds no regular file, anywhere below it.
     *
     * @throws IllegalStateException if it holds one
     */
    static void refuseNonEmpty(Path prefix) throws IOException {
        if (!Files.isDirectory(prefix)) {
            return;
        }
        try (Stream<Path> files = Files.walk(prefix)) {
            if (files.anyMatch(Files::isRegularFile)) {
                throw new IllegalStateException("landing prefix already holds objects: " + prefix);
            }
        }
    }

    /** Writes {@code bytes} as the object {@code key} under {@code landingRoot}, creating its parent folders. */
    static void write(Path landingRoot, String key, byte[] bytes) throws IOException {
        Path path = landingRoot.resolve(key);
        Files.createDirectories(path.getParent());
        Files.write(path, bytes);
    }

    /** {@code content} as one gzip member. */
    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot gzip an in-memory object", e);
        }
        return out.toByteArray();
    }
}
