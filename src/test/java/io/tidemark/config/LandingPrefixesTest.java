package io.tidemark.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.config.PrefixToken.Text;
import io.tidemark.config.PrefixToken.TimeField;
import io.tidemark.config.PrefixToken.Variable;
import io.tidemark.config.PrefixToken.VariableKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Firehose's prefix expressions and rules, as a job spec copies them from a stream's configuration. */
class LandingPrefixesTest {
    private static final String HIVE = "logs/cwl/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/";
    private static final String ERRORS = "errors/cwl/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/";

    private static LandingPrefixes of(String prefix, String errors) {
        return LandingPrefixes.of("t", prefix, errors, null);
    }

    @Test
    void timestampPatternsSplitIntoFieldsAndQuotedLiterals() {
        FirehosePrefix prefix = FirehosePrefix.parse("dt=!{timestamp:yyyy'-'MM'-'dd}/h=!{timestamp:HH}/", "p");

        assertThat(prefix.tokens()).containsExactly(new Text("dt="), new TimeField("yyyy"), new Text("-"),
                new TimeField("MM"), new Text("-"), new TimeField("dd"), new Text("/h="), new TimeField("HH"), new Text("/"));
        assertThat(prefix.hasTimestamp()).isTrue();
        assertThat(prefix.daily()).isTrue();
        assertThat(prefix.hourly()).isTrue();
        assertThat(prefix.resolve(List.of("2026", "11", "24", "10"))).contains(LocalDateTime.of(2026, 11, 24, 10, 0));
        assertThat(FirehosePrefix.parse("!{timestamp:yyyy''MM'o''clock'}", "p").tokens())
                .containsExactly(new TimeField("yyyy"), new Text("'"), new TimeField("MM"), new Text("o'clock"));
    }

    @Test
    void firehoseAndPartitionKeyExpressionsBecomeVariables() {
        FirehosePrefix prefix = FirehosePrefix.parse("e/!{partitionKeyFromQuery:customer_id}/!{partitionKeyFromLambda:tenant}/"
                + "!{firehose:random-string}/!{timestamp:yyyy/MM/dd}/", "p");

        assertThat(prefix.tokens()).filteredOn(t -> t instanceof Variable).containsExactly(
                new Variable(VariableKind.PARTITION_KEY_FROM_QUERY, "customer_id"),
                new Variable(VariableKind.PARTITION_KEY_FROM_LAMBDA, "tenant"),
                new Variable(VariableKind.RANDOM_STRING, "random-string"));
        assertThat(prefix.partitionKeys()).containsExactly("customer_id", "tenant");
        assertThat(prefix.daily()).isTrue();
        assertThat(prefix.hourly()).as("the finest unit is the day").isFalse();
        assertThat(FirehosePrefix.parse(ERRORS, "e").contains(VariableKind.ERROR_OUTPUT_TYPE)).isTrue();
    }

    @Test
    void aPrefixWithoutTimestampGetsFirehosesAppendedDefaultAndItsErrorOutputBesideIt() {
        LandingPrefixes prefixes = of("cwlogs/", null);

        assertThat(prefixes.data().text()).isEqualTo("cwlogs/!{timestamp:yyyy/MM/dd/HH/}");
        assertThat(prefixes.errors().text()).isEqualTo("cwlogs/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd/HH/}");
        assertThat(prefixes.hourly()).isTrue();
        assertThat(prefixes.zone()).isEqualTo(ZoneOffset.UTC);

        LandingPrefixes dynamic = of("events/customer=!{partitionKeyFromQuery:customer_id}/", "errors/!{firehose:error-output-type}/");
        assertThat(dynamic.data().text()).isEqualTo("events/customer=!{partitionKeyFromQuery:customer_id}/!{timestamp:yyyy/MM/dd/HH/}");
        assertThat(dynamic.errors().text()).isEqualTo("errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd/HH/}");
        assertThat(dynamic.data().partitionKeys()).containsExactly("customer_id");
    }

    @Test
    void theIssuesPrefixesGiveHourWindowsAndADailyErrorPrefix() {
        LandingPrefixes prefixes = of(HIVE, ERRORS);

        assertThat(prefixes.hourly()).isTrue();
        assertThat(prefixes.errors().hourly()).isFalse();
        assertThat(prefixes.errors().daily()).isTrue();
    }

    @Test
    void customTimeZoneIsASpecSetting() {
        LandingPrefixes prefixes = LandingPrefixes.of("t", "e/!{partitionKeyFromLambda:tenant-id}/!{timestamp:yyyy/MM/dd/HH}/",
                "err/!{firehose:error-output-type}/", "Asia/Tokyo");
        assertThat(prefixes.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(prefixes.hourly()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "p/!{timestamp:yyyy/|                                     err/!{firehose:error-output-type}/|  not closed",
            "p/!{timestamp:!{timestamp:yyyy}}/|                       err/!{firehose:error-output-type}/|  cannot be nested",
            "p/!{yyyy}/|                                              err/!{firehose:error-output-type}/|  expected !{namespace:value}",
            "p/!{timestamp:}/|                                        err/!{firehose:error-output-type}/|  the value is empty",
            "p/!{time:yyyy}/|                                         err/!{firehose:error-output-type}/|  unknown namespace 'time'",
            "p/!{firehose:uuid}/|                                     err/!{firehose:error-output-type}/|  only 'random-string' and 'error-output-type'",
            "p/!{timestamp:yyyy-bb}/|                                 err/!{firehose:error-output-type}/|  not a valid Java DateTimeFormatter pattern",
            "p/!{partitionKeyFromQuery:a/b}/|                         err/!{firehose:error-output-type}/|  partition key name",
            "p/!{firehose:error-output-type}/|                        err/!{firehose:error-output-type}/|  only in errorOutputPrefix",
            "p/!{timestamp:yyyy/MM/dd}/|                              err/!{timestamp:yyyy}/|              requires !{firehose:error-output-type}",
            "p/!{timestamp:yyyy/MM/dd}/|                              err/!{firehose:error-output-type}/!{partitionKeyFromQuery:k}/| partition keys in an ErrorOutputPrefix",
            "p/!{timestamp:yyyy/MM/dd}/|                              |                                     without errorOutputPrefix",
            "p/!{timestamp:yyyy/MM}/|                                 err/!{firehose:error-output-type}/|  do not name the day",
    })
    void firehoseRejectionsNameTheExpression(String prefix, String errors, String reason) {
        assertThatThrownBy(() -> of(prefix, errors)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("of job 't'").hasMessageContaining(reason);
    }

    @Test
    void otherRejectionsNameTheSetting() {
        assertThatThrownBy(() -> of("p/" + "x".repeat(520) + "/", null)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("at most 512");
        assertThatThrownBy(() -> LandingPrefixes.of("t", "p/", null, "Mars/Olympus")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("customTimeZone 'Mars/Olympus'");
        assertThatThrownBy(() -> FirehosePrefix.parse("p/!{timestamp:yyyy[MM]}/", "p")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'!{timestamp:yyyy[MM]}'");
    }

    @Test
    void aDailyPrefixRefusesHourWindowsWithAUsageErrorThatSaysSo() {
        JobSpec spec = new JsonConfigReader().read(new ByteArrayInputStream(("{\"job\":\"daily\",\"landingPrefix\":"
                + "\"d/!{timestamp:yyyy-MM-dd}/\",\"errorOutputPrefix\":\"e/!{firehose:error-output-type}/\","
                + "\"source\":{\"family\":\"cloudwatch_logs\"},\"datasets\":[\"app_logs\"]}").getBytes(StandardCharsets.UTF_8)),
                "daily.json", JobSpec.class);

        assertThat(spec.hasArrivalHours()).isFalse();
        assertThat(spec.schedule().hourly()).as("no hourly runs by default").isFalse();
        assertThatThrownBy(() -> spec.requireArrivalHours("--hour")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("names days, not hours").hasMessageContaining("drop --hour");
        assertThat(new JobSpecs().get("cwlogs").hasArrivalHours()).isTrue();
    }
}
