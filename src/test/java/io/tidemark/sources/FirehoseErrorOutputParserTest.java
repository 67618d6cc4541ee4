package io.tidemark.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.config.AuroraSalesSourceSpec;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.landing.ReasonCode;
import io.tidemark.sources.cdc.AuroraSalesCsvParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirehoseErrorOutputParserTest {
    private static final String GOOD = "1001,Books,12.50,2,2026-11-24 10:15:00,WA,Standard,Search\n";
    private static final String SHORT = "1002,Books,12.50\n";

    private final FirehoseErrorOutputParser parser =
            new FirehoseErrorOutputParser(new AuroraSalesCsvParser(new AuroraSalesSourceSpec()), 1 << 20);

    private record Row(String dataset, long offset) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<QuarantineRecord> quarantined = new ArrayList<>();
    private final RecordSink sink = new RecordSink() {
        @Override
        public void row(String dataset, Object[] values, long offset, Instant eventTime) {
            rows.add(new Row(dataset, offset));
        }

        @Override
        public void quarantine(QuarantineRecord record) {
            quarantined.add(record);
        }

        @Override
        public void control() {
        }
    };

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private void parse(String errorOutput, String body) throws Exception {
        LandedObject object = new LandedObject("file:/landing/aurora-sales/processing-failed/2026/11/24/10/x",
                "aurora-sales/processing-failed/2026/11/24/10/x", null, errorOutput, LocalDate.of(2026, 11, 24));
        parser.parse(object, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), sink);
    }

    @Test
    void recoveredRecordsGoThroughTheFamilyParserAndTheRestIsQuarantinedWithFirehosesError() throws Exception {
        parse("processing-failed", String.join("\n",
                "{\"attemptsMade\":4,\"errorCode\":\"Lambda.FunctionError\",\"errorMessage\":\"boom\",\"rawData\":\"" + b64(GOOD) + "\"}",
                "{\"attemptsMade\":1,\"ErrorCode\":\"Lambda.Timeout\",\"ErrorMessage\":\"slow\",\"rawData\":\"%%%not base64\"}",
                "{\"lastErrorCode\":\"X\",\"lastErrorMessage\":\"y\",\"rawData\":\"" + b64(SHORT) + "\"}",
                "{\"errorCode\":\"Lambda.FunctionError\",\"rawData\":\"" + b64(GOOD.replace("1001", "1003")) + "\"}"));

        assertThat(rows).extracting(Row::dataset).containsExactly("sales_changes", "sales_changes");
        assertThat(quarantined).extracting(QuarantineRecord::reason)
                .containsExactly(ReasonCode.FIREHOSE_PROCESSING_FAILED, ReasonCode.MALFORMED_CSV);
        assertThat(quarantined.get(0).detail()).contains("Lambda.Timeout");
        List<Long> offsets = new ArrayList<>(rows.stream().map(Row::offset).toList());
        quarantined.forEach(q -> offsets.add(q.offset()));
        assertThat(offsets).doesNotHaveDuplicates();
    }

    @Test
    void anErrorRecordCutShortEndsAtItsLine() throws Exception {
        parse("processing-failed", String.join("\n",
                "{\"attemptsMade\":4,\"errorCode\":\"Lambda.FunctionError\",\"rawData\":\"" + b64(GOOD) + "\"",
                "{\"errorCode\":\"Lambda.FunctionError\",\"rawData\":\"" + b64(GOOD.replace("1001", "1003")) + "\"}", ""));

        assertThat(rows).extracting(Row::dataset).containsExactly("sales_changes");
        assertThat(quarantined).extracting(QuarantineRecord::reason).containsExactly(ReasonCode.MALFORMED_JSON);
    }

    @Test
    void objectsOutsideTheErrorFoldersAreTheFamilysOwn() throws Exception {
        LandedObject object = new LandedObject("file:/landing/aurora-sales/2026/11/24/10/x", "aurora-sales/2026/11/24/10/x",
                null, null, LocalDate.of(2026, 11, 24));
        parser.parse(object, new ByteArrayInputStream((GOOD + SHORT).getBytes(StandardCharsets.UTF_8)), sink);
        assertThat(rows).hasSize(1);
        assertThat(quarantined).extracting(QuarantineRecord::reason).containsExactly(ReasonCode.MALFORMED_CSV);
    }

    @Test
    void formatConversionFailuresKeepTheirOwnReason() throws Exception {
        parse("format-conversion-failed", "{\"lastErrorCode\":\"DataFormatConversion.MalformedData\",\"lastErrorMessage\":\"bad\"}");
        assertThat(rows).isEmpty();
        assertThat(quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(ReasonCode.FIREHOSE_FORMAT_CONVERSION_FAILED);
            assertThat(q.detail()).contains("DataFormatConversion.MalformedData");
        });
    }
}
