package io.tidemark.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The raw family a job reads, with that family's settings; chosen by the {@code family} key. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "family")
@JsonSubTypes({
        @JsonSubTypes.Type(value = CloudWatchLogsSourceSpec.class, name = "cloudwatch_logs"),
        @JsonSubTypes.Type(value = FlowLogLinesSourceSpec.class, name = "flow_log_lines"),
        @JsonSubTypes.Type(value = GuardDutySourceSpec.class, name = "guardduty_findings"),
        @JsonSubTypes.Type(value = SesSourceSpec.class, name = "ses_events"),
        @JsonSubTypes.Type(value = AuroraSalesSourceSpec.class, name = "aurora_sales"),
        @JsonSubTypes.Type(value = DmsSourceSpec.class, name = "dms_csv"),
        @JsonSubTypes.Type(value = DebeziumSourceSpec.class, name = "debezium"),
        @JsonSubTypes.Type(value = ClickstreamSourceSpec.class, name = "clickstream"),
        @JsonSubTypes.Type(value = UsersReferenceSourceSpec.class, name = "users_reference"),
})
public interface SourceSpec extends java.io.Serializable {
}
