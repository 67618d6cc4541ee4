package io.tidemark.ops;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tidemark.ErrorCode;

/** The {@code error} object of the result line; {@code code} is written as the enum's name. */
public record RunError(@JsonProperty("code") ErrorCode code, @JsonProperty("message") String message) {
    public RunError {
        requireNonNull(code, "code is null");
    }
}
