package io.tidemark.ops;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code error} object of the result line. */
public record RunError(@JsonProperty("code") String code, @JsonProperty("message") String message) {
}
