package io.tidemark.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.OptionalInt;

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
    /** The late-arrival horizon of event families that set none: a week of Firehose retries, redeliveries and replays. */
    int EVENT_HORIZON_DAYS = 7;

    /**
     * How many days before its object's Firehose arrival an event of this family may lie and still be curated, when
     * the job spec sets no {@code lateArrivalHorizonDays}; empty for families whose rows are changes of a source table
     * or reference data: the horizon is a cost control for event partitions, and a change or a snapshot is never
     * quarantined as {@code TOO_LATE} (a back-dated business date is not a late change).
     */
    default OptionalInt defaultLateArrivalHorizonDays() {
        return OptionalInt.of(EVENT_HORIZON_DAYS);
    }
}
