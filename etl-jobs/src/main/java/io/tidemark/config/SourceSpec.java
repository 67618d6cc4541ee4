package io.tidemark.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The raw family a job reads, with that family's settings; chosen by the {@code family} key. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "family")
@JsonSubTypes({@JsonSubTypes.Type(value = CloudWatchLogsSourceSpec.class, name = "cloudwatch_logs"),
        @JsonSubTypes.Type(value = ClickstreamSourceSpec.class, name = "clickstream"),
        @JsonSubTypes.Type(value = UsersReferenceSourceSpec.class, name = "users_reference")})
public sealed interface SourceSpec extends java.io.Serializable permits CloudWatchLogsSourceSpec, ClickstreamSourceSpec, UsersReferenceSourceSpec {
}
