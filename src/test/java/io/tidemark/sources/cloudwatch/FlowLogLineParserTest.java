package io.tidemark.sources.cloudwatch;

import io.tidemark.config.FlowLogFormat;

import static io.tidemark.sources.cloudwatch.FlowLogRows.row;
import static io.tidemark.sources.cloudwatch.FlowLogRows.v2;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.landing.ReasonCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowLogLineParserTest {
    private final FlowLogLineParser v2 = new FlowLogLineParser(FlowLogFormat.DEFAULT_V2);

    private List<Object> rowOf(FlowLogLineParser parser, String line) {
        FlowLogParseResult result = parser.parse(line);
        assertThat(result).isInstanceOf(FlowLogParseResult.Row.class);
        Object[] fields = ((FlowLogParseResult.Row) result).fields();
        assertThat(fields).hasSize(29);
        return java.util.Arrays.asList(fields);
    }

    private FlowLogParseResult.Failure failureOf(FlowLogLineParser parser, String line) {
        FlowLogParseResult result = parser.parse(line);
        assertThat(result).isInstanceOf(FlowLogParseResult.Failure.class);
        return (FlowLogParseResult.Failure) result;
    }

    @Test
    void defaultLineBecomesTypedValues() {
        List<Object> row = rowOf(v2,
                "2 111122223333 eni-0a1b2c3d4e5f60718 10.0.1.25 10.0.2.40 49152 443 6 12 4810 1709658240 1709658300 ACCEPT OK");
        assertThat(row).isEqualTo(row(v2(2, "111122223333", "eni-0a1b2c3d4e5f60718", "10.0.1.25", "10.0.2.40", 49152,
                443, 6, 12L, 4810L, 1709658240L, 1709658300L, "ACCEPT", "OK")));
        assertThat(row.get(0)).isInstanceOf(Integer.class);
        assertThat(row.get(8)).isInstanceOf(Long.class);
    }

    @Test
    void dashesAreNullsAndNodataIsKept() {
        assertThat(rowOf(v2, "2 111122223333 eni-0a1b2c3d4e5f60718 - - - - - - - 1709658240 1709658300 - NODATA"))
                .isEqualTo(row(v2(2, "111122223333", "eni-0a1b2c3d4e5f60718", null, null, null, null, null, null,
                        null, 1709658240L, 1709658300L, null, "NODATA")));
    }

    @Test
    void skipdataIsKept() {
        assertThat(rowOf(v2, "2 111122223333 eni-0a1b2c3d4e5f60718 - - - - - - - 1709658240 1709658300 - SKIPDATA"))
                .isEqualTo(row(v2(2, "111122223333", "eni-0a1b2c3d4e5f60718", null, null, null, null, null, null,
                        null, 1709658240L, 1709658300L, null, "SKIPDATA")));
    }

    @Test
    void ipv6AddressesUnknownAccountTabsRunsOfSpacesAndCrlf() {
        assertThat(rowOf(v2, "2  unknown\teni-1 2001:db8::1 fe80::1ff:fe23:4567:890a 443 55000 6 3 180 1709658240 1709658300 REJECT OK\r\n"))
                .isEqualTo(row(v2(2, "unknown", "eni-1", "2001:db8::1", "fe80::1ff:fe23:4567:890a", 443, 55000, 6, 3L,
                        180L, 1709658240L, 1709658300L, "REJECT", "OK")));
    }

    @Test
    void wrongFieldCountIsASchemaMismatchNotAShiftedRow() {
        FlowLogParseResult.Failure missing = failureOf(v2,
                "2 111122223333 eni-1 10.0.1.25 10.0.2.40 49152 443 6 12 4810 1709658240 ACCEPT OK");
        assertThat(missing.reason()).isEqualTo(ReasonCode.SCHEMA_MISMATCH);
        assertThat(missing.detail()).startsWith("Cannot parse flow-log line: expected 14 fields").endsWith("found 13");
        FlowLogParseResult.Failure extra = failureOf(v2,
                "2 111122223333 eni-1 10.0.1.25 10.0.2.40 49152 443 6 12 4810 1709658240 1709658300 ACCEPT OK extra");
        assertThat(extra.reason()).isEqualTo(ReasonCode.SCHEMA_MISMATCH);
        assertThat(extra.detail()).endsWith("found 15");
        assertThat(failureOf(v2, "").detail()).endsWith("found 0");
    }

    @Test
    void unparsableNumberNamesFieldAndValue() {
        FlowLogParseResult.Failure failure = failureOf(v2,
                "2 111122223333 eni-1 10.0.1.25 10.0.2.40 http 443 6 12 4810 1709658240 1709658300 ACCEPT OK");
        assertThat(failure.reason()).isEqualTo(ReasonCode.SCHEMA_MISMATCH);
        assertThat(failure.detail()).isEqualTo("Cannot parse flow-log field srcport: 'http' is not an int");
        FlowLogParseResult.Failure tooBig = failureOf(v2,
                "2 111122223333 eni-1 10.0.1.25 10.0.2.40 1 443 6 12 99999999999999999999 1709658240 1709658300 ACCEPT OK");
        assertThat(tooBig.detail()).isEqualTo("Cannot parse flow-log field bytes: '99999999999999999999' is not a bigint");
    }

    @Test
    void missingOrBadStartIsABadTimestamp() {
        FlowLogParseResult.Failure dash = failureOf(v2, "2 1 eni-1 - - - - - - - - 1709658300 - NODATA");
        assertThat(dash.reason()).isEqualTo(ReasonCode.BAD_TIMESTAMP);
        assertThat(dash.detail()).isEqualTo("Cannot read flow-log start: the value is '-'");
        FlowLogParseResult.Failure text = failureOf(v2, "2 1 eni-1 - - - - - - - yesterday 1709658300 - NODATA");
        assertThat(text.reason()).isEqualTo(ReasonCode.BAD_TIMESTAMP);
        assertThat(text.detail()).isEqualTo("Cannot parse flow-log field start: 'yesterday' is not a bigint");
    }

    @Test
    void formatWithoutStartYieldsBadTimestamp() {
        FlowLogLineParser parser = new FlowLogLineParser(FlowLogFormat.parse(
                "version vpc-id srcaddr dstaddr dstport protocol bytes action flow-direction traffic-path pkt-dst-aws-service"));
        FlowLogParseResult.Failure failure = failureOf(parser, "5 vpc-0123abcd 10.0.1.25 52.216.1.10 443 6 9120 ACCEPT egress 8 S3");
        assertThat(failure.reason()).isEqualTo(ReasonCode.BAD_TIMESTAMP);
        assertThat(failure.detail()).contains("has no start field");
    }

    @Test
    void headerLineIsRecognised() {
        assertThat(v2.parse("version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n"))
                .isInstanceOf(FlowLogParseResult.Header.class);
    }

    @Test
    void headerOfAnotherFormatIsAMismatchNotData() {
        FlowLogParseResult.Failure failure = failureOf(v2, "version srcaddr dstaddr start");
        assertThat(failure.reason()).isEqualTo(ReasonCode.SCHEMA_MISMATCH);
        assertThat(failure.detail()).startsWith("Cannot parse flow-log header: its fields \"version srcaddr dstaddr start\"");
    }

    @Test
    void customV5OrderPutsValuesInTheirColumns() {
        FlowLogLineParser parser = new FlowLogLineParser(FlowLogFormat.parse(
                "traffic-path version vpc-id srcaddr dstaddr dstport protocol bytes start action flow-direction"
                        + " pkt-dst-aws-service tcp-flags type pkt-srcaddr region az-id sublocation-type"));
        List<Object> row = rowOf(parser,
                "8 5 vpc-0123abcd 10.0.1.25 52.216.1.10 443 6 9120 1709658240 ACCEPT egress S3 19 IPv4 10.0.1.99 eu-west-1 euw1-az2 -");
        assertThat(row).isEqualTo(row(Map.ofEntries(
                Map.entry("traffic_path", 8), Map.entry("version", 5), Map.entry("vpc_id", "vpc-0123abcd"),
                Map.entry("srcaddr", "10.0.1.25"), Map.entry("dstaddr", "52.216.1.10"), Map.entry("dstport", 443),
                Map.entry("protocol", 6), Map.entry("bytes", 9120L), Map.entry("start", 1709658240L),
                Map.entry("action", "ACCEPT"), Map.entry("flow_direction", "egress"),
                Map.entry("pkt_dst_aws_service", "S3"), Map.entry("tcp_flags", 19), Map.entry("type", "IPv4"),
                Map.entry("pkt_srcaddr", "10.0.1.99"), Map.entry("region", "eu-west-1"), Map.entry("az_id", "euw1-az2"))));
        assertThat(row.get(FlowLogFormat.canonicalColumns().indexOf("sublocation_type"))).isNull();
        assertThat(row.get(FlowLogFormat.canonicalColumns().indexOf("account_id"))).isNull();
    }

    @Test
    void startOutsideUnixSecondsUpToYear9999IsABadTimestampNotAnException() {
        String line = "2 111122223333 eni-1 10.0.1.25 10.0.2.40 49152 443 6 12 4810 %s 1709658300 ACCEPT OK";
        assertThat(failureOf(v2, String.format(line, "1709658240000")).reason()).isEqualTo(ReasonCode.BAD_TIMESTAMP);
        assertThat(failureOf(v2, String.format(line, "1709658240000")).detail()).contains("milliseconds");
        assertThat(failureOf(v2, String.format(line, "9223372036854775807")).reason()).isEqualTo(ReasonCode.BAD_TIMESTAMP);
        assertThat(failureOf(v2, String.format(line, "-5")).reason()).isEqualTo(ReasonCode.BAD_TIMESTAMP);
        assertThat(rowOf(v2, String.format(line, "253402300799")).get(10)).isEqualTo(253402300799L);
        assertThat(rowOf(v2, String.format(line, "0")).get(10)).isEqualTo(0L);
    }
}
