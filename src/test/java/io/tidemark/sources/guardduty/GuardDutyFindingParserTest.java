package io.tidemark.sources.guardduty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.config.DatasetSchema;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.landing.ReasonCode;
import io.tidemark.sources.LandedObject;
import io.tidemark.testing.CollectingSink;
import io.tidemark.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GuardDutyFindingParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LandedObject OBJECT = new LandedObject(
            "file:/landing/guardduty/2024/03/05/17/gd-1-2024-03-05-17-21-00-0b6f.gz",
            "guardduty/2024/03/05/17/gd-1-2024-03-05-17-21-00-0b6f.gz", Instant.parse("2024-03-05T17:21:00Z"), null,
            LocalDate.of(2024, 3, 5));

    /** FORMATS 7.2's example, verbatim. */
    static final String FULL_EVENT = """
            {"version":"0","id":"5e0b8f0a-1111-2222-3333-444455556666","detail-type":"GuardDuty Finding","source":"aws.guardduty","account":"111122223333","time":"2024-03-05T17:20:00Z","region":"us-east-1","resources":[],"detail":{"schemaVersion":"2.0","accountId":"111122223333","region":"us-east-1","partition":"aws","id":"a2b4c6d8e0f1a2b4c6d8e0f1a2b4c6d8","arn":"arn:aws:guardduty:us-east-1:111122223333:detector/1ab2/finding/a2b4c6d8e0f1a2b4c6d8e0f1a2b4c6d8","type":"Recon:EC2/PortProbeUnprotectedPort","resource":{"resourceType":"Instance","instanceDetails":{"instanceId":"i-0abc1234def567890"}},"service":{"serviceName":"guardduty","detectorId":"1ab2","action":{"actionType":"PORT_PROBE","portProbeAction":{"blocked":false,"portProbeDetails":[{"localPortDetails":{"port":22,"portName":"SSH"}}]}},"eventFirstSeen":"2024-03-05T16:55:12Z","eventLastSeen":"2024-03-05T17:18:40Z","archived":false,"count":7},"severity":2,"createdAt":"2024-03-05T17:00:03.511Z","updatedAt":"2024-03-05T17:19:58.020Z","title":"Unprotected port on EC2 instance i-0abc1234def567890 is being probed.","description":"EC2 instance has an unprotected port which is being probed by a known malicious host."}}""";

    private final GuardDutyFindingParser parser = new GuardDutyFindingParser();
    private final DatasetSchema schema = DatasetSchemas.get(GuardDutyFindingParser.DATASET);

    @Test
    void fullEventBecomesOneRowInSchemaOrder() {
        CollectingSink sink = parse(FULL_EVENT, 3);

        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.rows).singleElement().satisfies(row -> {
            assertThat(row.dataset()).isEqualTo("guardduty_findings");
            assertThat(row.offset()).isEqualTo(3);
            assertThat(row.eventTime()).isEqualTo(Instant.parse("2024-03-05T17:19:58.020Z"));
            assertThat(row.values()).hasSize(schema.columns().size());
        });
        Map<String, Object> row = byName(sink.rows.get(0));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("finding_id", "a2b4c6d8e0f1a2b4c6d8e0f1a2b4c6d8");
        expected.put("updated_at", ts("2024-03-05T17:19:58.020Z"));
        expected.put("created_at", ts("2024-03-05T17:00:03.511Z"));
        expected.put("account_id", "111122223333");
        expected.put("region", "us-east-1");
        expected.put("partition", "aws");
        expected.put("arn", "arn:aws:guardduty:us-east-1:111122223333:detector/1ab2/finding/a2b4c6d8e0f1a2b4c6d8e0f1a2b4c6d8");
        expected.put("type", "Recon:EC2/PortProbeUnprotectedPort");
        expected.put("title", "Unprotected port on EC2 instance i-0abc1234def567890 is being probed.");
        expected.put("description", "EC2 instance has an unprotected port which is being probed by a known malicious host.");
        expected.put("severity", 2.0);
        expected.put("severity_label", "Low");
        expected.put("resource_type", "Instance");
        expected.put("instance_id", "i-0abc1234def567890");
        expected.put("access_key_id", null);
        expected.put("bucket_names", null);
        expected.put("action_type", "PORT_PROBE");
        expected.put("remote_ip", null);
        expected.put("remote_country", null);
        expected.put("service_count", 7);
        expected.put("archived", false);
        expected.put("event_first_seen", ts("2024-03-05T16:55:12Z"));
        expected.put("event_last_seen", ts("2024-03-05T17:18:40Z"));
        expected.put("event_id", "5e0b8f0a-1111-2222-3333-444455556666");
        expected.put("detail_type", "GuardDuty Finding");
        assertThat(row).containsExactlyEntriesOf(expected);
    }

    @Test
    void realSampleWithOnlyRegionAndDetailIsAccepted() throws IOException {
        String text = Files.readString(Samples.path("guardduty/awssamples_gd2acl_test_event.json"));

        CollectingSink sink = parse(text, 0);

        assertThat(sink.quarantined).isEmpty();
        Map<String, Object> row = byName(sink.rows.get(0));
        assertThat(row.get("finding_id")).isEqualTo("02be5693b63eea1d67e6f321c6aee4f3");
        assertThat(row.get("updated_at")).isEqualTo(ts("2018-05-11T14:56:39.976Z"));
        assertThat(sink.rows.get(0).eventTime()).isEqualTo(Instant.parse("2018-05-11T14:56:39.976Z"));
        assertThat(row.get("type")).isEqualTo("UnauthorizedAccess:EC2/SSHBruteForce");
        assertThat(row.get("region")).as("from the envelope: the detail has none").isEqualTo("us-east-1");
        assertThat(row.get("account_id")).isNull();
        assertThat(row.get("partition")).isNull();
        assertThat(row.get("severity")).isEqualTo(2.0);
        assertThat(row.get("severity_label")).isEqualTo("Low");
        assertThat(row.get("instance_id")).isEqualTo("i-99999999");
        assertThat(row.get("action_type")).isEqualTo("NETWORK_CONNECTION");
        assertThat(row.get("remote_ip")).isEqualTo("198.51.100.0");
        assertThat(row.get("remote_country")).isEqualTo("GeneratedFindingCountryName");
        assertThat(row.get("service_count")).isEqualTo(1);
        assertThat(row.get("archived")).isEqualTo(false);
        assertThat(row.get("event_first_seen")).isEqualTo(ts("2018-05-11T14:56:39.976Z"));
        assertThat(row.get("event_id")).isNull();
        assertThat(row.get("detail_type")).isNull();
        assertThat(row.get("title")).isEqualTo("198.51.100.0 is performing SSH brute force attacks against i-99999999. ");
    }

    @Test
    void bareFindingWithoutEnvelopeIsAccepted() throws IOException {
        String bare = JSON.readTree(FULL_EVENT).get("detail").toString();

        CollectingSink sink = parse(bare, 0);

        assertThat(sink.quarantined).isEmpty();
        Map<String, Object> row = byName(sink.rows.get(0));
        assertThat(row.get("finding_id")).isEqualTo("a2b4c6d8e0f1a2b4c6d8e0f1a2b4c6d8");
        assertThat(row.get("account_id")).isEqualTo("111122223333");
        assertThat(row.get("service_count")).isEqualTo(7);
        assertThat(row.get("event_id")).isNull();
        assertThat(row.get("detail_type")).isNull();
    }

    @Test
    void redeliveredEventGivesTheSameKeyAndANewUpdateANewKey() throws IOException {
        ObjectNode later = (ObjectNode) JSON.readTree(FULL_EVENT);
        ((ObjectNode) later.get("detail")).put("updatedAt", "2024-03-05T23:19:58Z");
        ((ObjectNode) later.get("detail").get("service")).put("count", 9);
        later.put("id", "another-event-id");

        CollectingSink sink = new CollectingSink();
        parser.parse(JSON.readTree(FULL_EVENT), FULL_EVENT, 0, OBJECT, sink);
        parser.parse(JSON.readTree(FULL_EVENT), FULL_EVENT, 1, OBJECT, sink);
        parser.parse(later, later.toString(), 2, OBJECT, sink);

        List<List<Object>> keys = sink.rows.stream().map(r -> List.of(byName(r).get("finding_id"), byName(r).get("updated_at"))).toList();
        assertThat(schema.key()).containsExactly("finding_id", "updated_at");
        assertThat(keys.get(0)).isEqualTo(keys.get(1));
        assertThat(keys.get(2)).isNotEqualTo(keys.get(0));
        assertThat(byName(sink.rows.get(2)).get("service_count")).isEqualTo(9);
        assertThat(byName(sink.rows.get(2)).get("updated_at")).isEqualTo(ts("2024-03-05T23:19:58Z"));
    }

    @ParameterizedTest(name = "severity {0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "2        | 2.0  | Low",
            "5.0      | 5.0  | Medium",
            "'\"5.0\"'| 5.0  | Medium",
            "'\" 8 \"'| 8.0  | High",
            "1.0      | 1.0  | Low",
            "3.9      | 3.9  | Low",
            "3.99     | 3.99 | Low",
            "4        | 4.0  | Medium",
            "6.9      | 6.9  | Medium",
            "7.0      | 7.0  | High",
            "8.9      | 8.9  | High",
            "9.5      | 9.5  | High",
            "null     |      | "})
    void severityIsANumberWhicheverWayItArrives(String json, Double expected, String label) {
        CollectingSink sink = parse(FULL_EVENT.replace("\"severity\":2,", "\"severity\":" + json + ","), 0);

        assertThat(sink.quarantined).isEmpty();
        assertThat(byName(sink.rows.get(0)).get("severity")).isEqualTo(expected);
        assertThat(byName(sink.rows.get(0)).get("severity_label")).isEqualTo(label);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"HIGH\"", "\"5.0d\"", "\"NaN\"", "\"Infinity\"", "true", "{\"value\":5}", "[5]", "\"\""})
    void severityThatIsNotANumberIsASchemaMismatch(String json) {
        String text = FULL_EVENT.replace("\"severity\":2,", "\"severity\":" + json + ",");

        CollectingSink sink = parse(text, 4);

        assertThat(sink.rows).isEmpty();
        assertThat(sink.quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(ReasonCode.SCHEMA_MISMATCH);
            assertThat(q.detail()).contains("detail.severity").contains("expected a number");
            assertThat(q.raw()).isEqualTo(text);
            assertThat(q.offset()).isEqualTo(4);
            assertThat(q.sourceObject()).isEqualTo(OBJECT.uri());
        });
    }

    @Test
    void cloudTrailEventIsAnUnknownRecordType() {
        String cloudTrail = """
                {"version":"0","id":"6f8e7d6c-aaaa-bbbb-cccc-ddddeeeeffff","detail-type":"AWS API Call via CloudTrail","source":"aws.iam","account":"111122223333","time":"2024-03-05T17:21:00Z","region":"us-east-1","resources":[],"detail":{"eventVersion":"1.08","eventTime":"2024-03-05T17:20:51Z","eventSource":"iam.amazonaws.com","eventName":"CreateAccessKey","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.9","eventID":"0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"}}""";

        CollectingSink sink = parse(cloudTrail, 2);

        assertThat(sink.rows).isEmpty();
        assertThat(sink.quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(ReasonCode.UNKNOWN_RECORD_TYPE);
            assertThat(q.detail()).contains("AWS API Call via CloudTrail");
            assertThat(q.raw()).isEqualTo(cloudTrail);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"source\":\"aws.s3\",\"region\":\"us-east-1\",\"detail\":{\"id\":\"x\",\"updatedAt\":\"2024-03-05T17:19:58Z\"}}",
            "{\"Records\":[{\"eventVersion\":\"1.08\",\"eventName\":\"GetObject\"}]}",
            "{\"eventVersion\":\"1.08\",\"eventSource\":\"s3.amazonaws.com\",\"eventID\":\"abc\"}",
            "{}"})
    void documentsThatAreNoGuardDutyFindingAreUnknownRecordTypes(String json) {
        CollectingSink sink = parse(json, 0);

        assertThat(sink.rows).isEmpty();
        assertThat(sink.quarantined).extracting(QuarantineRecord::reason).containsExactly(ReasonCode.UNKNOWN_RECORD_TYPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "\"text\"", "42", "null"})
    void documentThatIsNotAnObjectIsASchemaMismatch(String json) {
        CollectingSink sink = parse(json, 0);

        assertThat(sink.rows).isEmpty();
        assertThat(sink.quarantined).extracting(QuarantineRecord::reason).containsExactly(ReasonCode.SCHEMA_MISMATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"id\":\"a2b4c6d8e0f1a2b4c6d8e0f1a2b4c6d8\",|",
            "\"id\":\"a2b4c6d8e0f1a2b4c6d8e0f1a2b4c6d8\",|\"id\":\"\",",
            "\"id\":\"a2b4c6d8e0f1a2b4c6d8e0f1a2b4c6d8\",|\"id\":null,"})
    void missingOrEmptyFindingIdIsAMissingKey(String replacement) {
        String[] parts = replacement.split("\\|", -1);
        String text = FULL_EVENT.replace(parts[0], parts[1]);

        CollectingSink sink = parse(text, 0);

        assertThat(sink.rows).isEmpty();
        assertThat(sink.quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(ReasonCode.MISSING_KEY);
            assertThat(q.detail()).contains("detail.id");
        });
    }

    @Test
    void envelopeWithoutDetailIsAMissingKeyAndANonObjectDetailASchemaMismatch() {
        assertThat(parse("{\"version\":\"0\",\"id\":\"e\",\"detail-type\":\"GuardDuty Finding\",\"source\":\"aws.guardduty\"}", 0)
                .quarantined).extracting(QuarantineRecord::reason).containsExactly(ReasonCode.MISSING_KEY);
        assertThat(parse("{\"detail-type\":\"GuardDuty Finding\",\"detail\":[{\"id\":\"x\"}]}", 0)
                .quarantined).extracting(QuarantineRecord::reason).containsExactly(ReasonCode.SCHEMA_MISMATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2024-03-05 17:19:58\"", "\"2024-13-05T17:19:58Z\"", "\"2024-03-05T25:19:58Z\"",
            "\"2024-02-30T17:19:58Z\"", "\"yesterday\"", "\"\"", "1709659198", "null", "{}"})
    void badUpdatedAtIsABadTimestamp(String json) {
        String text = FULL_EVENT.replace("\"updatedAt\":\"2024-03-05T17:19:58.020Z\"", "\"updatedAt\":" + json);

        CollectingSink sink = parse(text, 0);

        assertThat(sink.rows).isEmpty();
        assertThat(sink.quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(ReasonCode.BAD_TIMESTAMP);
            assertThat(q.detail()).contains("detail.updatedAt");
        });
    }

    @Test
    void missingUpdatedAtIsABadTimestamp() {
        CollectingSink sink = parse(FULL_EVENT.replace("\"updatedAt\":\"2024-03-05T17:19:58.020Z\",", ""), 0);

        assertThat(sink.quarantined).extracting(QuarantineRecord::reason).containsExactly(ReasonCode.BAD_TIMESTAMP);
    }

    @Test
    void unreadableCreatedAtIsABadTimestampToo() {
        CollectingSink sink = parse(FULL_EVENT.replace("\"createdAt\":\"2024-03-05T17:00:03.511Z\"", "\"createdAt\":\"03/05/2024\""), 0);

        assertThat(sink.quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(ReasonCode.BAD_TIMESTAMP);
            assertThat(q.detail()).contains("detail.createdAt").contains("03/05/2024");
        });
    }

    @ParameterizedTest
    @CsvSource({
            "2024-03-05T17:19:58Z, 2024-03-05T17:19:58Z",
            "2024-03-05T17:19:58.5Z, 2024-03-05T17:19:58.500Z",
            "2024-03-05T17:19:58.020Z, 2024-03-05T17:19:58.020Z",
            "2024-03-05T17:19:58.123456Z, 2024-03-05T17:19:58.123456Z",
            "2024-03-05T23:59:59.999Z, 2024-03-05T23:59:59.999Z"})
    void updatedAtWithOrWithoutFractionIsRead(String text, String expected) {
        CollectingSink sink = parse(FULL_EVENT.replace("2024-03-05T17:19:58.020Z", text), 0);

        assertThat(sink.rows.get(0).eventTime()).isEqualTo(Instant.parse(expected));
        assertThat(byName(sink.rows.get(0)).get("updated_at")).isEqualTo(ts(expected));
    }

    @Test
    void countAndArchivedOfTheWrongKindAreSchemaMismatches() {
        assertThat(parse(FULL_EVENT.replace("\"count\":7", "\"count\":\"seven\""), 0).quarantined)
                .extracting(QuarantineRecord::reason).containsExactly(ReasonCode.SCHEMA_MISMATCH);
        assertThat(parse(FULL_EVENT.replace("\"count\":7", "\"count\":7.5"), 0).quarantined)
                .extracting(QuarantineRecord::reason).containsExactly(ReasonCode.SCHEMA_MISMATCH);
        assertThat(parse(FULL_EVENT.replace("\"archived\":false", "\"archived\":\"no\""), 0).quarantined)
                .extracting(QuarantineRecord::reason).containsExactly(ReasonCode.SCHEMA_MISMATCH);
        CollectingSink lenient = parse(FULL_EVENT.replace("\"count\":7", "\"count\":\"12\"").replace("\"archived\":false", "\"archived\":\"TRUE\""), 0);
        assertThat(byName(lenient.rows.get(0)).get("service_count")).isEqualTo(12);
        assertThat(byName(lenient.rows.get(0)).get("archived")).isEqualTo(true);
    }

    @Test
    void remoteIpComesFromTheActionOfItsType() {
        String networkConnection = action("""
                {"actionType":"NETWORK_CONNECTION","networkConnectionAction":{"connectionDirection":"OUTBOUND","remoteIpDetails":{"ipAddressV4":"203.0.113.7","country":{"countryName":"Netherlands"}}}}""");
        String portProbe = action("""
                {"actionType":"PORT_PROBE","portProbeAction":{"blocked":false,"portProbeDetails":[{"localPortDetails":{"port":22},"remoteIpDetails":{"ipAddressV4":"198.51.100.1","country":{"countryName":"France"}}},{"localPortDetails":{"port":3389},"remoteIpDetails":{"ipAddressV4":"198.51.100.2","country":{"countryName":"Spain"}}}]}}""");
        String apiCall = action("""
                {"actionType":"AWS_API_CALL","awsApiCallAction":{"api":"ListBuckets","serviceName":"s3.amazonaws.com","remoteIpDetails":{"ipAddressV4":"192.0.2.44","country":{"countryName":"Brazil"}}}}""");
        String dnsWithRemote = action("""
                {"actionType":"DNS_REQUEST","dnsRequestAction":{"domain":"evil.example","remoteIpDetails":{"ipAddressV4":"192.0.2.53"}}}""");
        String dnsWithout = action("""
                {"actionType":"DNS_REQUEST","dnsRequestAction":{"domain":"evil.example","protocol":"UDP","blocked":false}}""");
        String decoy = action("""
                {"actionType":"DNS_REQUEST","networkConnectionAction":{"remoteIpDetails":{"ipAddressV4":"203.0.113.99"}}}""");

        assertThat(remote(networkConnection)).containsExactly("NETWORK_CONNECTION", "203.0.113.7", "Netherlands");
        assertThat(remote(portProbe)).containsExactly("PORT_PROBE", "198.51.100.1", "France");
        assertThat(remote(apiCall)).containsExactly("AWS_API_CALL", "192.0.2.44", "Brazil");
        assertThat(remote(dnsWithRemote)).containsExactly("DNS_REQUEST", "192.0.2.53", null);
        assertThat(remote(dnsWithout)).containsExactly("DNS_REQUEST", null, null);
        assertThat(remote(decoy)).as("only the action named by actionType counts").containsExactly("DNS_REQUEST", null, null);
        assertThat(RemoteEndpoint.actionField("AWS_API_CALL")).isEqualTo("awsApiCallAction");
        assertThat(RemoteEndpoint.actionField("KUBERNETES_API_CALL")).isEqualTo("kubernetesApiCallAction");
    }

    @Test
    void accessKeyAndBucketsAreFlattened() {
        String s3 = FULL_EVENT.replace("{\"resourceType\":\"Instance\",\"instanceDetails\":{\"instanceId\":\"i-0abc1234def567890\"}}", """
                {"resourceType":"S3Bucket","accessKeyDetails":{"accessKeyId":"AKIAIOSFODNN7EXAMPLE","userName":"alice"},"s3BucketDetails":[{"name":"logs-bucket","type":"Destination"},{"name":"data-bucket"}]}""");
        String noBuckets = FULL_EVENT.replace("\"instanceDetails\":{\"instanceId\":\"i-0abc1234def567890\"}", "\"s3BucketDetails\":[]");

        Map<String, Object> row = byName(parse(s3, 0).rows.get(0));
        assertThat(row.get("resource_type")).isEqualTo("S3Bucket");
        assertThat(row.get("access_key_id")).isEqualTo("AKIAIOSFODNN7EXAMPLE");
        assertThat(row.get("bucket_names")).isEqualTo("logs-bucket,data-bucket");
        assertThat(row.get("instance_id")).isNull();
        assertThat(byName(parse(noBuckets, 0).rows.get(0)).get("bucket_names")).isNull();
    }

    @Test
    void envelopeAccountAndPartitionFromArnFillGapsInTheFinding() {
        String text = FULL_EVENT.replace("\"accountId\":\"111122223333\",", "").replace("\"partition\":\"aws\",", "")
                .replace("arn:aws:guardduty", "arn:aws-cn:guardduty").replace("\"account\":\"111122223333\"", "\"account\":\"444455556666\"");

        Map<String, Object> row = byName(parse(text, 0).rows.get(0));

        assertThat(row.get("account_id")).isEqualTo("444455556666");
        assertThat(row.get("partition")).isEqualTo("aws-cn");
    }

    @Test
    void sourceSpecAndDatasetsAgree() {
        assertThat(parser.datasets()).containsExactly("guardduty_findings");
        assertThat(schema.eventTime()).isEqualTo("updated_at");
        assertThat(schema.partitioning()).containsExactly("dt");
        assertThat(schema.columnNames()).containsExactly("finding_id", "updated_at", "created_at", "account_id", "region",
                "partition", "arn", "type", "title", "description", "severity", "severity_label", "resource_type",
                "instance_id", "access_key_id", "bucket_names", "action_type", "remote_ip", "remote_country",
                "service_count", "archived", "event_first_seen", "event_last_seen", "event_id", "detail_type");
    }

    // ---- helpers

    private CollectingSink parse(String text, long offset) {
        CollectingSink sink = new CollectingSink();
        JsonNode document;
        try {
            document = JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("fixture is not JSON: " + text, e);
        }
        parser.parse(document, text, offset, OBJECT, sink);
        assertThat(sink.rows.size() + sink.quarantined.size()).as("one outcome per document").isEqualTo(1);
        return sink;
    }

    private Map<String, Object> byName(CollectingSink.Row row) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> names = schema.columnNames();
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), row.values()[i]);
        }
        return values;
    }

    private static String action(String actionJson) {
        return FULL_EVENT.replaceFirst("\"action\":\\{\"actionType\":\"PORT_PROBE\".*?\\]\\}\\}", "\"action\":" + actionJson.strip()
                .replace("\\", "\\\\").replace("$", "\\$"));
    }

    private List<Object> remote(String text) {
        Map<String, Object> row = byName(parse(text, 0).rows.get(0));
        return java.util.Arrays.asList(row.get("action_type"), row.get("remote_ip"), row.get("remote_country"));
    }

    private static Timestamp ts(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }
}
