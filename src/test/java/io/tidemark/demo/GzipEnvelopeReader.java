package io.tidemark.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Test-side reader, independent of the generator: gunzips a landed object across all its members
 * with {@link GZIPInputStream} and splits the result into JSON documents with Jackson. If the gzip
 * stream breaks, keeps the complete documents decoded before the break.
 */
final class GzipEnvelopeReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The documents read and whether the whole object decompressed without error. */
    record ReadBack(List<JsonNode> envelopes, boolean complete) {
        int events() {
            return envelopes.stream().mapToInt(e -> e.get("logEvents").size()).sum();
        }
    }

    private GzipEnvelopeReader() {
    }

    static ReadBack read(byte[] body) throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        boolean complete = true;
        // a ByteArrayInputStream, whose available() is exact: GZIPInputStream relies on it to find the next member
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                json.write(buffer, 0, n);
            }
        } catch (IOException e) {
            complete = false;
        }
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = MAPPER.readerFor(JsonNode.class).readValues(json.toByteArray())) {
            while (it.hasNextValue()) {
                documents.add(it.nextValue());
            }
        } catch (IOException e) {
            if (complete) {
                throw e;
            }
            // the last, partially decompressed document of a broken object
        }
        return new ReadBack(documents, complete);
    }
}
