package io.tidemark;

import static java.util.Objects.requireNonNull;

/** A failure that ends a run with a known error code and a message that says what to fix. */
public final class TidemarkException extends RuntimeException {
    private final ErrorCode code;

    public TidemarkException(ErrorCode code, String message) {
        super(message);
        this.code = requireNonNull(code, "code is null");
    }

    public TidemarkException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = requireNonNull(code, "code is null");
    }

    public ErrorCode code() {
        return code;
    }
}
