package io.tidemark.sources.guardduty;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.sources.JsonRecordParser;
import io.tidemark.sources.LandedObject;
import io.tidemark.sources.RecordSink;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One GuardDuty finding event (FORMATS 7) into one {@code guardduty_findings} row, in the schema's column order.
 * The event time is {@code updatedAt}; the key is (finding id, updatedAt), so a redelivered event yields the same key
 * and every re-emission of a finding with a new {@code updatedAt} is a row of its own.
 *
 * <p>Quarantined: a {@code detail-type} other than {@code GuardDuty Finding} (UNKNOWN_RECORD_TYPE), a missing or
 * empty {@code detail.id} (MISSING_KEY), a missing or unreadable {@code updatedAt} and any other present but
 * unreadable timestamp (BAD_TIMESTAMP), a severity or count that is not a number or a field of the wrong kind
 * (SCHEMA_MISMATCH). The first problem found decides the reason.
 */
public final class GuardDutyFindingParser implements JsonRecordParser {
    private static final long serialVersionUID = 1L;
    public static final String DATASET = "guardduty_findings";

    @Override
    public List<String> datasets() {
        return List.of(DATASET);
    }

    @Override
    public void parse(JsonNode document, String rawText, long offset, LandedObject object, RecordSink sink) {
        Unwrapped unwrapped = EventUnwrapper.unwrap(document);
        if (unwrapped.isRejected()) {
            sink.quarantine(new QuarantineRecord(object.uri(), offset, unwrapped.reason(), unwrapped.detail(), raw(rawText)));
            return;
        }
        FindingEvent event = unwrapped.event();
        JsonNode finding = event.finding();
        FindingFields fields = new FindingFields(event.fieldPath());
        String id = fields.key(finding.get("id"), "id");
        Instant updatedAt = fields.requiredTimestamp(finding.get("updatedAt"), "updatedAt");
        Object[] values = values(event, fields, id, updatedAt);
        if (fields.hasProblem()) {
            sink.quarantine(new QuarantineRecord(object.uri(), offset, fields.reason(), fields.detail(), raw(rawText)));
            return;
        }
        sink.row(DATASET, values, offset, updatedAt);
    }

    private static Object[] values(FindingEvent event, FindingFields fields, String id, Instant updatedAt) {
        JsonNode finding = event.finding();
        JsonNode resource = finding.path("resource");
        JsonNode service = finding.path("service");
        JsonNode action = service.path("action");
        Double severity = fields.number(finding.get("severity"), "severity");
        String arn = fields.text(finding.get("arn"), "arn");
        String actionType = fields.text(action.get("actionType"), "service.action.actionType");
        RemoteEndpoint remote = RemoteEndpoint.of(action, actionType);
        String account = fields.text(finding.get("accountId"), "accountId");
        String region = fields.text(finding.get("region"), "region");
        String partition = fields.text(finding.get("partition"), "partition");
        return new Object[] {
            id,
            timestamp(updatedAt),
            timestamp(fields.timestamp(finding.get("createdAt"), "createdAt")),
            account != null ? account : event.account(),
            region != null ? region : event.region(),
            partition != null ? partition : partitionOf(arn),
            arn,
            fields.text(finding.get("type"), "type"),
            fields.text(finding.get("title"), "title"),
            fields.text(finding.get("description"), "description"),
            severity,
            severity == null ? null : SeverityLabel.of(severity).label(),
            fields.text(resource.get("resourceType"), "resource.resourceType"),
            fields.text(resource.path("instanceDetails").get("instanceId"), "resource.instanceDetails.instanceId"),
            fields.text(resource.path("accessKeyDetails").get("accessKeyId"), "resource.accessKeyDetails.accessKeyId"),
            bucketNames(resource.path("s3BucketDetails"), fields),
            actionType,
            remote.ipAddressV4(),
            remote.country(),
            fields.integer(service.get("count"), "service.count"),
            fields.bool(service.get("archived"), "service.archived"),
            timestamp(fields.timestamp(service.get("eventFirstSeen"), "service.eventFirstSeen")),
            timestamp(fields.timestamp(service.get("eventLastSeen"), "service.eventLastSeen")),
            event.eventId(),
            event.detailType()
        };
    }

    /** The names of {@code resource.s3BucketDetails[]}, comma-joined; null when there are none. */
    private static String bucketNames(JsonNode details, FindingFields fields) {
        if (details.isMissingNode() || details.isNull()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        if (details.isArray()) {
            for (int i = 0; i < details.size(); i++) {
                String name = fields.text(details.get(i).get("name"), "resource.s3BucketDetails[" + i + "].name");
                if (name != null && !name.isEmpty()) {
                    names.add(name);
                }
            }
        } else {
            fields.mismatch(details, "resource.s3BucketDetails", "a list of buckets");
        }
        return names.isEmpty() ? null : String.join(",", names);
    }

    /** {@code arn:aws-cn:guardduty:...} -> {@code aws-cn}. */
    private static String partitionOf(String arn) {
        if (arn == null || !arn.startsWith("arn:")) {
            return null;
        }
        int end = arn.indexOf(':', 4);
        return end > 4 ? arn.substring(4, end) : null;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String raw(String rawText) {
        return rawText == null ? "" : rawText;
    }
}
