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
        return LandingFiles.gzip(json(envelope));
    }

    /** The envelope's compact JSON, as it is inside its gzip member. */
    byte[] json(PlannedEnvelope envelope) {
        try {
            return mapper.writeValueAsBytes(envelope.toWire());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode envelope of " + envelope.logGroup(), e);
        }
    }
}
