package io.tidemark.landing;

import java.util.ArrayList;
import java.util.List;

/** Keeps what a reader hands on. */
final class RecordingDocuments implements JsonDocumentHandler {
    /** A quarantine call. */
    record Quarantined(long offset, ReasonCode reason, String detail, String raw) {
    }

    final List<JsonDocument> documents = new ArrayList<>();
    final List<Quarantined> quarantined = new ArrayList<>();

    @Override
    public void document(JsonDocument document) {
        documents.add(document);
    }

    @Override
    public void quarantine(long offset, ReasonCode reason, String detail, String raw) {
        quarantined.add(new Quarantined(offset, reason, detail, raw));
    }

    List<String> raws() {
        return documents.stream().map(JsonDocument::rawText).toList();
    }

    List<Long> offsets() {
        return documents.stream().map(JsonDocument::offset).toList();
    }

    List<ReasonCode> reasons() {
        return quarantined.stream().map(Quarantined::reason).toList();
    }
}
