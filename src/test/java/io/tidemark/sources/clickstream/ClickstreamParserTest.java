package io.tidemark.sources.clickstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.landing.ReasonCode;
import io.tidemark.sources.LandedObject;
import io.tidemark.testing.CollectingSink;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClickstreamParserTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant ARRIVAL = Instant.parse("2026-11-24T10:06:00Z");
    private static final String KEY = "clickstream/2026/11/24/10/clicks-to-s3-1-2026-11-24-10-06-00-6b1e0f3a-2c1d-4e0b-9a77-1f2e3d4c5b6a.gz";
    private static final LandedObject OBJECT = new LandedObject("s3://landing/" + KEY, KEY, ARRIVAL, null,
            LocalDate.parse("2026-11-24"));
    private static final Instant TS = Instant.parse("2026-11-24T10:15:30.123Z");
    private static final long TS_MILLIS = 1795515330123L;

    private final ClickstreamParser parser = new ClickstreamParser();

    private CollectingSink parse(String json) {
        return parse(json, OBJECT);
    }

    private CollectingSink parse(String json, LandedObject object) {
        CollectingSink sink = new CollectingSink();
        JsonNode document;
        try {
            document = MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        parser.parse(document, json, 7, object, sink);
        return sink;
    }

    /** The value as the detail message shows it (Jackson's rendering). */
    private static String rendered(String json) {
        try {
            return MAPPER.readTree(json).toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String sha256(String text) {
        return DigestUtils.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void documentedRecordWithoutTimestampTakesTheArrivalAndAHashKey() {
        CollectingSink.Row row = parse("{\"article_id\": 12345, \"user_id\": 42, \"action\": \"click\"}").onlyRow();

        assertThat(row.dataset()).isEqualTo("click_events");
        assertThat(row.values()).containsExactly(
                sha256("{\"action\":\"click\",\"article_id\":12345,\"user_id\":42}\n2026-11-24T10:06:00Z"),
                null, 12345L, 42L, "click", Timestamp.from(ARRIVAL), true);
        assertThat(row.eventTime()).isEqualTo(ARRIVAL);
        assertThat(row.offset()).isEqualTo(7);
    }

    @Test
    void eventIdIsTheKeyAndTimestampTheEventTime() {
        CollectingSink.Row row = parse("{\"event_id\":\"e-1\",\"article_id\":1,\"user_id\":2,\"action\":\"impression\","
                + "\"timestamp\":\"2026-11-24T10:15:30.123Z\",\"referrer\":{\"url\":\"https://x\"}}").onlyRow();

        assertThat(row.values()).containsExactly("e-1", "e-1", 1L, 2L, "impression", Timestamp.from(TS), false);
        assertThat(row.eventTime()).isEqualTo(TS);
    }

    @Test
    void numericEventIdIsKeptAsText() {
        assertThat(parse("{\"event_id\":9007199254740993,\"article_id\":1,\"user_id\":2,\"action\":\"click\"}")
                .onlyRow().get(0)).isEqualTo("9007199254740993");
    }

    @Test
    void blankEventIdFallsBackToTheHash() {
        CollectingSink.Row row = parse("{\"event_id\":\"  \",\"article_id\":1,\"user_id\":2,\"action\":\"click\"}").onlyRow();
        assertThat(row.get(1)).isNull();
        assertThat((String) row.get(0)).hasSize(64).matches("[0-9a-f]{64}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"42\"|42", "\" 0042 \"|42", "42.0|42", "\"+42\"|42", "-5|-5", "9223372036854775807|9223372036854775807"})
    void idsAreCoercedToBigint(String json, long expected) {
        CollectingSink.Row row = parse("{\"article_id\":" + json + ",\"user_id\":" + json + ",\"action\":\"click\"}").onlyRow();
        assertThat(row.get(2)).isEqualTo(expected);
        assertThat(row.get(3)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "\"42a\"", "4.5", "true", "{\"id\":1}", "[1]", "\"99999999999999999999\"",
            "99999999999999999999", "\"4 2\""})
    void nonNumericIdIsASchemaMismatch(String json) {
        String raw = "{\"article_id\":1,\"user_id\":" + json + ",\"action\":\"click\"}";
        QuarantineRecord q = parse(raw).onlyQuarantined();
        assertThat(q.reason()).isEqualTo(ReasonCode.SCHEMA_MISMATCH);
        assertThat(q.detail()).contains("'user_id'").contains(rendered(json));
        assertThat(q.raw()).isEqualTo(raw);
        assertThat(q.offset()).isEqualTo(7);
        assertThat(q.sourceObject()).isEqualTo(OBJECT.uri());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"user_id\":2,\"action\":\"click\"}",
            "{\"article_id\":null,\"user_id\":2,\"action\":\"click\"}",
            "{\"article_id\":1,\"action\":\"click\"}",
            "{\"article_id\":1,\"user_id\":\"\",\"action\":\"click\"}",
            "{\"article_id\":1,\"user_id\":2}",
            "{\"article_id\":1,\"user_id\":2,\"action\":\"  \"}",
            "{\"article_id\":1,\"user_id\":2,\"action\":null}"})
    void missingArticleUserOrActionIsMissingKey(String raw) {
        QuarantineRecord q = parse(raw).onlyQuarantined();
        assertThat(q.reason()).isEqualTo(ReasonCode.MISSING_KEY);
        assertThat(q.detail()).containsAnyOf("'article_id'", "'user_id'", "'action'");
        assertThat(q.raw()).isEqualTo(raw);
    }

    @Test
    void actionIsTrimmedAndLowerCasedAndUnknownActionsAreKept() {
        assertThat(parse("{\"article_id\":1,\"user_id\":2,\"action\":\" Click \"}").onlyRow().get(4)).isEqualTo("click");
        assertThat(parse("{\"article_id\":1,\"user_id\":2,\"action\":\"SHARE\"}").onlyRow().get(4)).isEqualTo("share");
        assertThat(parse("{\"article_id\":1,\"user_id\":2,\"action\":5}").onlyQuarantined().reason())
                .isEqualTo(ReasonCode.SCHEMA_MISMATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-11-24T10:15:30.123Z\"", "\"2026-11-24T19:15:30.123+09:00\"", "\"2026-11-24T19:15:30.123+0900\"",
            "\"2026-11-24T19:15:30.123+09\"", "\"2026-11-24 10:15:30.123Z\"", "\"2026-11-24T05:15:30.123-05:00\"",
            "\"2026-11-24T10:15:30.123000000Z\"", "\"2026-11-24t10:15:30.123z\"", "1795515330123", "\"1795515330123\"",
            "1795515330123.0", "\" 1795515330123 \""})
    void timestampFormats(String json) {
        CollectingSink.Row row = parse("{\"article_id\":1,\"user_id\":2,\"action\":\"click\",\"timestamp\":" + json + "}").onlyRow();
        assertThat(row.eventTime()).isEqualTo(TS);
        assertThat(row.get(5)).isEqualTo(Timestamp.from(TS));
        assertThat(row.get(6)).isEqualTo(false);
    }

    @Test
    void timestampDecidesThePartitionEvenWhenItIsInAnEarlierHourThanTheArrival() {
        Instant late = Instant.parse("2026-11-23T23:59:59.999Z");
        CollectingSink.Row row = parse("{\"article_id\":1,\"user_id\":2,\"action\":\"click\",\"timestamp\":\"2026-11-24T08:59:59.999+09:00\"}")
                .onlyRow();
        assertThat(row.eventTime()).isEqualTo(late);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"yesterday\"", "\"2026-11-24T10:15:30\"", "\"2026-11-24\"", "1795515330", "\"1795515330\"",
            "1795515330123.5", "true", "{\"ms\":1}", "\"2026-13-24T10:15:30Z\"", "-1", "4102444800000"})
    void unreadableTimestampIsBadTimestamp(String json) {
        String raw = "{\"article_id\":1,\"user_id\":2,\"action\":\"click\",\"timestamp\":" + json + "}";
        QuarantineRecord q = parse(raw).onlyQuarantined();
        assertThat(q.reason()).isEqualTo(ReasonCode.BAD_TIMESTAMP);
        assertThat(q.detail()).contains("'timestamp'").contains(rendered(json));
        assertThat(q.raw()).isEqualTo(raw);
    }

    @Test
    void nullOrBlankTimestampFallsBackToTheArrival() {
        for (String json : new String[] {"null", "\"\"", "\" \""}) {
            CollectingSink.Row row = parse("{\"article_id\":1,\"user_id\":2,\"action\":\"click\",\"timestamp\":" + json + "}").onlyRow();
            assertThat(row.eventTime()).isEqualTo(ARRIVAL);
            assertThat(row.get(6)).isEqualTo(true);
        }
    }

    @Test
    void withoutAFirehoseKeyTheWindowDateStandsInForTheArrival() {
        LandedObject plain = new LandedObject("s3://landing/clickstream/manual/clicks.json", "clickstream/manual/clicks.json",
                null, null, LocalDate.parse("2026-11-25"));
        CollectingSink.Row row = parse("{\"article_id\":1,\"user_id\":2,\"action\":\"click\"}", plain).onlyRow();

        assertThat(row.eventTime()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(row.get(6)).isEqualTo(true);
        assertThat(row.get(0)).isEqualTo(sha256("{\"action\":\"click\",\"article_id\":1,\"user_id\":2}\n2026-11-25"));
    }

    @Test
    void redeliveredRecordGetsTheSameKeyWhateverItsFramingAndAnotherArrivalGetsAnother() {
        String a = parse("{\"article_id\":\"1\",\"user_id\":2,\"action\":\"click\",\"x\":{\"b\":1,\"a\":2}}").onlyRow().get(0).toString();
        String b = parse("{ \"x\" : {\"a\":2, \"b\":1}, \"action\":\"click\", \"user_id\":2, \"article_id\":\"1\" }\r").onlyRow().get(0).toString();
        LandedObject later = new LandedObject(OBJECT.uri() + "x", OBJECT.key(), ARRIVAL.plusSeconds(60), null, OBJECT.windowDate());
        String c = parse("{\"article_id\":\"1\",\"user_id\":2,\"action\":\"click\",\"x\":{\"b\":1,\"a\":2}}", later).onlyRow().get(0).toString();
        String d = parse("{\"article_id\":1,\"user_id\":2,\"action\":\"click\",\"x\":{\"b\":1,\"a\":2}}").onlyRow().get(0).toString();

        assertThat(b).isEqualTo(a);
        assertThat(c).isNotEqualTo(a);
        assertThat(d).as("the canonical text keeps the value as landed").isNotEqualTo(a);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{\"article_id\":1,\"user_id\":2,\"action\":\"click\"}]", "\"click\"", "42", "null"})
    void documentThatIsNotAnObjectIsASchemaMismatch(String raw) {
        QuarantineRecord q = parse(raw).onlyQuarantined();
        assertThat(q.reason()).isEqualTo(ReasonCode.SCHEMA_MISMATCH);
        assertThat(q.detail()).contains("expected a JSON object");
    }

    @Test
    void eventIdOfTheWrongTypeIsASchemaMismatch() {
        assertThat(parse("{\"event_id\":{\"v\":1},\"article_id\":1,\"user_id\":2,\"action\":\"click\"}").onlyQuarantined()
                .reason()).isEqualTo(ReasonCode.SCHEMA_MISMATCH);
    }

    @Test
    void parserWritesOnlyClickEvents() {
        assertThat(parser.datasets()).containsExactly("click_events");
    }
}
