package io.tidemark.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The optional {@code schedule} object of a job spec: defaults, validation, unknown keys. */
class JobScheduleTest {
    private static JobSpec spec(String layout, String schedule) {
        String json = "{\"job\": \"probe\", \"landingPrefix\": \"probe/\", " + (layout == null ? "" : "\"landingLayout\": \"" + layout + "\", ")
                + "\"source\": {\"family\": \"cloudwatch_logs\"}, \"datasets\": [\"app_logs\"]"
                + (schedule == null ? "" : ", \"schedule\": " + schedule) + "}";
        return new JsonConfigReader().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "probe.json", JobSpec.class);
    }

    @Test
    void aSpecWithoutScheduleGetsTheDefaults() {
        JobSchedule schedule = spec(null, null).schedule();
        assertThat(schedule.hourly()).isTrue();
        assertThat(schedule.nightly()).isTrue();
        assertThat(schedule.retries()).isEqualTo(2);
        assertThat(schedule.retryDelayMinutes()).isEqualTo(5);
        assertThat(schedule.hourlySlaMinutes()).isEqualTo(50);
        assertThat(schedule.nightlySlaMinutes()).isEqualTo(240);
        assertThat(schedule.executor().kind()).isEqualTo(ExecutorKind.BASH);
        assertThat(schedule.executor().jar()).isNull();
    }

    @Test
    void dailySnapshotsAreNotHourlyUnlessTheSpecSaysSo() {
        assertThat(spec("dated", null).schedule().hourly()).isFalse();
        assertThat(spec("dated", "{\"hourly\": true}").schedule().hourly()).isTrue();
        assertThat(spec("flat", "{}").schedule().hourly()).isTrue();
    }

    @Test
    void executorsAreReadWithTheirIds() {
        ScheduleExecutor emr = spec(null, "{\"executor\": {\"kind\": \"emr\", \"clusterId\": \"{{ var.value.emr }}\"}}")
                .schedule().executor();
        assertThat(emr.kind()).isEqualTo(ExecutorKind.EMR);
        assertThat(emr.jar()).isEqualTo(ScheduleExecutor.DEFAULT_JAR);
        assertThat(emr.awsConnId()).isEqualTo("aws_default");
        ScheduleExecutor glue = spec(null, "{\"executor\": {\"kind\": \"glue\", \"glueJobName\": \"tidemark\", \"awsConnId\": \"aws_glue\"}}")
                .schedule().executor();
        assertThat(glue.glueJobName()).isEqualTo("tidemark");
        assertThat(glue.awsConnId()).isEqualTo("aws_glue");
    }

    @Test
    void unknownKeysAndBadValuesFailNamingTheKey() {
        assertThatThrownBy(() -> spec(null, "{\"retires\": 3}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schedule.retires");
        assertThatThrownBy(() -> spec(null, "{\"executor\": {\"kind\": \"lambda\"}}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("lambda").hasMessageContaining("spark_submit");
        assertThatThrownBy(() -> spec(null, "{\"retries\": 11}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schedule.retries 11");
        assertThatThrownBy(() -> spec(null, "{\"executor\": {\"kind\": \"emr\"}}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("clusterId");
        assertThatThrownBy(() -> spec(null, "{\"executor\": {\"kind\": \"glue\"}}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("glueJobName");
        assertThatThrownBy(() -> spec(null, "{\"executor\": {\"kind\": \"bash\", \"clusterId\": \"j-1\"}}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("only 'emr'");
    }
}
