package io.tidemark.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * Encodes one envelope as CloudWatch Logs sends it to Firehose: compact JSON in its own gzip member
 * (default level 6, as CWL uses; Java writes a zero mtime, so the bytes are reproducible).
 */
final class EnvelopeEncoder {
    private final ObjectMapper mapper = new ObjectMapper();

    byte[] gzipMember(PlannedEnvelope envelope) {
        try {
            byte[] json = mapper.writeValueAsBytes(envelope.toWire());
            ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 4 + 64);
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                gzip.write(json);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode envelope of " + envelope.logGroup(), e);
        }
    }
}
