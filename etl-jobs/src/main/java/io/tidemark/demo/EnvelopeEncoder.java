package io.tidemark.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Encodes one envelope as CloudWatch Logs sends it to Firehose: compact JSON in its own gzip member
 * (default level 6, as CWL uses; Java writes a zero mtime, so the bytes are reproducible).
 */
final class EnvelopeEncoder {
    private final ObjectMapper mapper = new ObjectMapper();

    byte[] gzipMember(PlannedEnvelope envelope) {
        try {
            return LandingFiles.gzip(mapper.writeValueAsBytes(envelope.toWire()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode envelope of " + envelope.logGroup(), e);
        }
    }
}
