package io.tidemark.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The raw family a job reads, with that family's settings; chosen by the {@code family} key. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "family")
@JsonSubTypes({@JsonSubTypes.Type(value = CloudWatchLogsSourceSpec.class, name = "cloudwatch_logs"),
        @JsonSubTypes.Type(value = AuroraSalesSourceSpec.class, name = "aurora_sales"),
        @JsonSubTypes.Type(value = DmsSourceSpec.class, name = "dms_csv"),
        @JsonSubTypes.Type(value = DebeziumSourceSpec.class, name = "debezium")})
public sealed interface SourceSpec extends java.io.Serializable permits CloudWatchLogsSourceSpec, AuroraSalesSourceSpec, DmsSourceSpec,
        DebeziumSourceSpec {
}
