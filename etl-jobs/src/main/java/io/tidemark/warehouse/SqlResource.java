package io.tidemark.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the SQL files packaged into the jar under {@code /sql/} (see the pom's resources). */
public final class SqlResource {
    private SqlResource() {
    }

    /** The text of a classpath resource such as {@code /sql/redshift/00_schema.sql}. */
    public static String read(String path) {
        try (InputStream in = SqlResource.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Cannot read SQL resource " + path + ": not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read SQL resource " + path, e);
        }
    }
}
