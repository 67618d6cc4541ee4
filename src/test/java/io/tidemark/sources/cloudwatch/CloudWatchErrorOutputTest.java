package io.tidemark.sources.cloudwatch;

import static io.tidemark.sources.cloudwatch.Envelopes.control;
import static io.tidemark.sources.cloudwatch.Envelopes.data;
import static io.tidemark.testing.Compress.gzip;
import static io.tidemark.testing.Compress.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tidemark.config.CloudWatchLogsSourceSpec;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.landing.ReasonCode;
import io.tidemark.sources.LandedObject;
import io.tidemark.sources.RecordSink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudWatchErrorOutputTest {
    private static final String URI = "s3://landing/cwl/processing-failed/2024/03/05/17/cwl-1-2024-03-05-17-05-00-abc";

    private final CloudWatchLogsParser parser = new CloudWatchLogsParser(new CloudWatchLogsSourceSpec(null, null, 10_000));
    private final List<Object[]> rows = new ArrayList<>();
    private final List<Long> offsets = new ArrayList<>();
    private final List<QuarantineRecord> quarantined = new ArrayList<>();
    private int controls;

    private final RecordSink sink = new RecordSink() {
        @Override
        public void row(String dataset, Object[] values, long offset, Instant eventTime) {
            rows.add(values);
            offsets.add(offset);
        }

        @Override
        public void quarantine(QuarantineRecord record) {
            quarantined.add(record);
        }

        @Override
        public void control() {
            controls++;
        }
    };

    private void parse(String errorOutput, String object) throws IOException {
        parser.parse(new LandedObject(URI, "cwl/" + errorOutput + "/x", null, errorOutput, LocalDate.of(2024, 3, 5)),
                new ByteArrayInputStream(gzip(object)), sink);
    }

    private static String errorRecord(String codeKey, String code, String rawData) {
        return "{\"attemptsMade\":4,\"" + codeKey + "\":\"" + code + "\",\"errorMessage\":\"failed\""
                + (rawData == null ? "" : ",\"rawData\":\"" + rawData + "\"") + "}\n";
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void gzipPayloadsAreRecoveredWithOffsetsAcrossRecords() throws IOException {
        parse("processing-failed", errorRecord("errorCode", "Lambda.FunctionError", b64(gzip(data("/app/api", "a", "one", "two"))))
                + errorRecord("ErrorCode", "X", b64(gzip(control())))
                + errorRecord("lastErrorCode", "Y", b64(gzip(data("/app/api", "b", "three")))));
        assertThat(rows).extracting(r -> r[5]).containsExactly("one", "two", "three");
        assertThat(offsets).containsExactly(0L, 1L, 2L);
        assertThat(controls).isEqualTo(1);
        assertThat(quarantined).isEmpty();
    }

    @Test
    void unrecoverablePayloadsAreQuarantinedWithFirehosesError() throws IOException {
        parse("processing-failed", errorRecord("errorCode", "Lambda.FunctionError", b64(gzip(data("/app/api", "a", "one"))))
                + errorRecord("ErrorCode", "E2", b64(utf8("\u0001garbage")))
                + errorRecord("lastErrorCode", "E3", "%%%")
                + errorRecord("errorCode", "E4", null)
                + errorRecord("errorCode", "E5", b64(java.util.Arrays.copyOf(gzip(data("/app/api", "c", "x".repeat(300))), 30))));
        assertThat(rows).extracting(r -> r[5]).containsExactly("one");
        assertThat(quarantined).extracting(QuarantineRecord::reason, QuarantineRecord::offset).containsExactly(
                tuple(ReasonCode.FIREHOSE_PROCESSING_FAILED, 1L), tuple(ReasonCode.FIREHOSE_PROCESSING_FAILED, 1L),
                tuple(ReasonCode.FIREHOSE_PROCESSING_FAILED, 1L), tuple(ReasonCode.FIREHOSE_PROCESSING_FAILED, 1L));
        assertThat(quarantined.get(0).detail()).startsWith("Cannot recover Firehose record: rawData cannot be read (CORRUPT_COMPRESSION: ")
                .endsWith("; Firehose error E2: failed");
        assertThat(quarantined.get(1).detail()).isEqualTo(
                "Cannot recover Firehose processing-failed record: rawData is not base64; Firehose error E3: failed");
        assertThat(quarantined.get(2).detail()).endsWith("rawData is missing or not a string; Firehose error E4: failed");
        assertThat(quarantined.get(3).detail()).endsWith("; Firehose error E5: failed").contains("rawData cannot be read (");
        assertThat(quarantined).extracting(QuarantineRecord::sourceObject).containsOnly(URI);
    }

    @Test
    void formatConversionFailedHasItsOwnReason() throws IOException {
        parse("format-conversion-failed", errorRecord("lastErrorCode", "DataFormatConversion.MalformedData", "bm90IGpzb24K"));
        assertThat(quarantined).extracting(QuarantineRecord::reason).containsExactly(ReasonCode.FIREHOSE_FORMAT_CONVERSION_FAILED);
        assertThat(quarantined.get(0).detail()).endsWith("Firehose error DataFormatConversion.MalformedData: failed");
    }
}
