package io.tidemark.sources.guardduty;

import io.tidemark.landing.ReasonCode;

/** Either the finding event a document carries, or why it carries none. */
record Unwrapped(FindingEvent event, ReasonCode reason, String detail) {
    static Unwrapped of(FindingEvent event) {
        return new Unwrapped(event, null, null);
    }

    static Unwrapped rejected(ReasonCode reason, String detail) {
        return new Unwrapped(null, reason, detail);
    }

    boolean isRejected() {
        return event == null;
    }
}
