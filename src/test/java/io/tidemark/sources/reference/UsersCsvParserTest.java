package io.tidemark.sources.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.config.UsersReferenceSourceSpec;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.landing.ReasonCode;
import io.tidemark.sources.LandedObject;
import io.tidemark.testing.CollectingSink;
import io.tidemark.testing.Compress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsersCsvParserTest {
    private static final String KEY = "reference/users/dt=2026-11-24/users.csv";
    private static final Date SNAPSHOT = Date.valueOf("2026-11-24");
    private static final Instant SNAPSHOT_START = Instant.parse("2026-11-24T00:00:00Z");

    private final UsersCsvParser parser = new UsersCsvParser(new UsersReferenceSourceSpec(null));

    private static LandedObject object(String key) {
        // the window date differs from the snapshot date on purpose: dt comes from the key
        return new LandedObject("s3://landing/" + key, key, null, null, LocalDate.parse("2026-11-26"));
    }

    private CollectingSink parse(String text) throws IOException {
        return parse(Compress.utf8(text), KEY);
    }

    private CollectingSink parse(byte[] bytes, String key) throws IOException {
        CollectingSink sink = new CollectingSink();
        parser.parse(object(key), new ByteArrayInputStream(bytes), sink);
        return sink;
    }

    private static List<List<Object>> values(CollectingSink sink) {
        return sink.rows.stream().map(r -> Arrays.asList(r.values())).toList();
    }

    private static List<Object> user(long id, String gender, Integer segment) {
        return Arrays.asList(id, gender, segment, SNAPSHOT);
    }

    @Test
    void headerCrlfQuotedFieldsAndTrailingEmptyLine() throws IOException {
        CollectingSink sink = parse("user_id,gender,segment_id\r\n42,female,3\r\n\"43\",\"male\",\"1\"\r\n"
                + "44,\"non-binary, other\",\r\n45,\"say \"\"none\"\"\",7\r\n\r\n");

        assertThat(values(sink)).containsExactly(user(42, "female", 3), user(43, "male", 1),
                user(44, "non-binary, other", null), user(45, "say \"none\"", 7));
        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.rows).allSatisfy(r -> {
            assertThat(r.dataset()).isEqualTo("users_ref");
            assertThat(r.eventTime()).isEqualTo(SNAPSHOT_START);
        });
        assertThat(sink.rows.stream().map(CollectingSink.Row::offset)).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void withoutHeaderTheColumnsArePositional() throws IOException {
        CollectingSink sink = parse("42,female,3\n43,male,1");
        assertThat(values(sink)).containsExactly(user(42, "female", 3), user(43, "male", 1));
        assertThat(sink.rows.get(0).offset()).isEqualTo(0);
    }

    @Test
    void headerDecidesTheColumnOrderAndCase() throws IOException {
        CollectingSink sink = parse("\uFEFFSegment_ID, User_Id ,GENDER\n3,42,female\n,43,\n");
        assertThat(values(sink)).containsExactly(user(42, "female", 3), user(43, null, null));
    }

    @Test
    void quotedHeaderNamesAreRecognised() throws IOException {
        CollectingSink sink = parse("\"gender\",\"user_id\",\"segment_id\"\r\n\"male\",\"42\",\"\"\r\n");
        assertThat(values(sink)).containsExactly(user(42, "male", null));
        assertThat(sink.quarantined).isEmpty();
    }

    @Test
    void headerWithExtraColumnsIgnoresThemAndMissingOnesAreNull() throws IOException {
        CollectingSink sink = parse("user_id,age,gender\n42,31,female\n");
        assertThat(values(sink)).containsExactly(user(42, "female", null));
    }

    @Test
    void wrongFieldCountIsMalformedAndNeverShifted() throws IOException {
        CollectingSink sink = parse("user_id,gender,segment_id\n42,female\n43,male,1,extra\n44,female,2\n");

        assertThat(values(sink)).containsExactly(user(44, "female", 2));
        assertThat(sink.reasons()).containsExactly(ReasonCode.MALFORMED_CSV, ReasonCode.MALFORMED_CSV);
        QuarantineRecord first = sink.quarantined.get(0);
        assertThat(first.raw()).isEqualTo("42,female");
        assertThat(first.offset()).isEqualTo(1);
        assertThat(first.detail()).contains("expected 3 fields").contains("got 2");
        assertThat(sink.quarantined.get(1).raw()).isEqualTo("43,male,1,extra");
    }

    @Test
    void badValuesAreQuarantinedWithTheirReason() throws IOException {
        CollectingSink sink = parse("user_id,gender,segment_id\nabc,female,3\n,male,1\n46,male,x1\n47,male,99999999999\n"
                + "48,male, 5 \n");

        assertThat(values(sink)).containsExactly(Arrays.asList(48L, "male", 5, SNAPSHOT));
        assertThat(sink.reasons()).containsExactly(ReasonCode.SCHEMA_MISMATCH, ReasonCode.MISSING_KEY,
                ReasonCode.SCHEMA_MISMATCH, ReasonCode.SCHEMA_MISMATCH);
        assertThat(sink.quarantined.get(0).detail()).contains("user_id 'abc'");
        assertThat(sink.quarantined.get(2).detail()).contains("segment_id 'x1'");
        assertThat(sink.quarantined.get(0).raw()).isEqualTo("abc,female,3");
    }

    @Test
    void duplicateUserIdIsEmittedTwiceFirstWithTheLowerOffset() throws IOException {
        CollectingSink sink = parse("user_id,gender,segment_id\n42,female,3\n42,male,1\n");
        assertThat(values(sink)).containsExactly(user(42, "female", 3), user(42, "male", 1));
        assertThat(sink.rows.get(0).offset()).isLessThan(sink.rows.get(1).offset());
    }

    @Test
    void unclosedQuoteSpoilsOnlyItsLine() throws IOException {
        CollectingSink sink = parse("user_id,gender,segment_id\n42,\"female,3\n43,male,1\n");
        assertThat(values(sink)).containsExactly(user(43, "male", 1));
        assertThat(sink.reasons()).containsExactly(ReasonCode.MALFORMED_CSV);
        assertThat(sink.quarantined.get(0).raw()).isEqualTo("42,\"female,3");
        assertThat(sink.quarantined.get(0).detail()).contains("not closed");
    }

    @Test
    void textAfterAClosingQuoteIsMalformed() throws IOException {
        CollectingSink sink = parse("42,\"female\"x,3\n43,male,1\n");
        assertThat(values(sink)).containsExactly(user(43, "male", 1));
        assertThat(sink.onlyQuarantinedOr().reason()).isEqualTo(ReasonCode.MALFORMED_CSV);
    }

    @Test
    void quotedFieldMaySpanLines() throws IOException {
        CollectingSink sink = parse("42,\"fe\r\nmale\",3\r\n43,male,1\r\n");
        assertThat(values(sink)).containsExactly(user(42, "fe\r\nmale", 3), user(43, "male", 1));
    }

    @Test
    void loneCarriageReturnsEndRecords() throws IOException {
        assertThat(values(parse("user_id,gender,segment_id\r42,female,3\r43,male,1\r"))).containsExactly(
                user(42, "female", 3), user(43, "male", 1));
    }

    @Test
    void gzipIsDetectedByMagicNotName() throws IOException {
        CollectingSink sink = parse(Compress.gzip("user_id,gender,segment_id\n42,female,3\n"), KEY);
        assertThat(values(sink)).containsExactly(user(42, "female", 3));
    }

    @Test
    void truncatedGzipKeepsTheCompleteRowsAndQuarantinesTheCut() throws IOException {
        StringBuilder csv = new StringBuilder("user_id,gender,segment_id\n");
        for (int i = 0; i < 2000; i++) {
            csv.append(1000 + i).append(i % 2 == 0 ? ",female," : ",male,").append(i % 7).append('\n');
        }
        byte[] gz = Compress.gzip(csv.toString());
        CollectingSink sink = parse(Arrays.copyOf(gz, gz.length / 2), KEY);

        assertThat(sink.rows).isNotEmpty().hasSizeLessThan(2000);
        for (int i = 0; i < sink.rows.size(); i++) {
            assertThat(sink.rows.get(i).get(0)).isEqualTo(1000L + i);
        }
        QuarantineRecord cut = sink.onlyQuarantinedOr();
        assertThat(cut.reason()).isEqualTo(ReasonCode.TRUNCATED_OBJECT);
        assertThat(cut.offset()).isEqualTo(sink.rows.size() + 1L);
    }

    @Test
    void garbageThatClaimsToBeGzipIsCorruptCompression() throws IOException {
        byte[] bytes = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        CollectingSink sink = parse(bytes, KEY);
        assertThat(sink.rows).isEmpty();
        assertThat(sink.reasons()).hasSize(1).first().isIn(ReasonCode.CORRUPT_COMPRESSION, ReasonCode.TRUNCATED_OBJECT);
    }

    @Test
    void snapshotDateComesFromTheKeyNotTheWindow() throws IOException {
        CollectingSink sink = parse(Compress.utf8("42,female,3\n"), "reference/users/dt=2026-11-25/users.csv");
        assertThat(sink.onlyRow().get(3)).isEqualTo(Date.valueOf("2026-11-25"));
        assertThat(sink.onlyRow().eventTime()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
    }

    @Test
    void keyWithoutASnapshotDateQuarantinesEveryRow() throws IOException {
        CollectingSink sink = parse(Compress.utf8("user_id,gender,segment_id\n42,female,3\n43,male,1\n"),
                "reference/users/users.csv");
        assertThat(sink.rows).isEmpty();
        assertThat(sink.reasons()).containsExactly(ReasonCode.BAD_TIMESTAMP, ReasonCode.BAD_TIMESTAMP);
        assertThat(sink.quarantined.get(0).detail()).contains("dt=yyyy-MM-dd");
        CollectingSink invalid = parse(Compress.utf8("42,female,3\n"), "reference/users/dt=2026-02-30/users.csv");
        assertThat(invalid.reasons()).containsExactly(ReasonCode.BAD_TIMESTAMP);
    }

    @Test
    void oversizedRowIsQuarantined() throws IOException {
        UsersCsvParser small = new UsersCsvParser(new UsersReferenceSourceSpec(64));
        CollectingSink sink = new CollectingSink();
        small.parse(object(KEY), new ByteArrayInputStream(Compress.utf8("42,\"" + "x".repeat(100) + "\",3\n43,male,1\n")), sink);
        assertThat(values(sink)).containsExactly(user(43, "male", 1));
        assertThat(sink.reasons()).containsExactly(ReasonCode.OVERSIZED_RECORD);
    }

    @Test
    void emptyAndHeaderOnlyObjectsGiveNothing() throws IOException {
        assertThat(parse("").rows).isEmpty();
        CollectingSink headerOnly = parse("user_id,gender,segment_id\r\n");
        assertThat(headerOnly.rows).isEmpty();
        assertThat(headerOnly.quarantined).isEmpty();
    }
}
