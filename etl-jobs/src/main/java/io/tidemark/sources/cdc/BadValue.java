package io.tidemark.sources.cdc;

import io.tidemark.landing.ReasonCode;

/** A field that cannot be read as its column's type: carries the quarantine reason and detail. */
final class BadValue extends Exception {
    private static final long serialVersionUID = 1L;
    private final ReasonCode reason;

    BadValue(ReasonCode reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    ReasonCode reason() {
        return reason;
    }
}
