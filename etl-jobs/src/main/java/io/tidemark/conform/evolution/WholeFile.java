package io.tidemark.conform.evolution;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** A small lake file written whole: to a hidden temporary file first, then renamed into place. */
final class WholeFile {
    private final Configuration conf;
    private final Path file;

    WholeFile(Configuration conf, Path file) {
        this.conf = conf;
        this.file = file;
    }

    void write(byte[] content, String what) {
        Path tmp = new Path(file.getParent(), "." + file.getName() + ".tmp");
        try {
            FileSystem fs = FileSystem.get(URI.create(file.toString()), conf);
            fs.mkdirs(file.getParent());
            try (OutputStream out = fs.create(tmp, true)) {
                out.write(content);
            }
            fs.delete(file, false);
            if (!fs.rename(tmp, file)) {
                throw new IOException("rename of " + tmp + " to " + file + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + what + " " + file + ": " + e.getMessage(), e);
        }
    }
}
