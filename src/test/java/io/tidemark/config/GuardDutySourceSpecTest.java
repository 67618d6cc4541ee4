package io.tidemark.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GuardDutySourceSpecTest {
    @Test
    void shippedJobReadsGuardDutyFindingsUnderItsPrefix() {
        JobSpec spec = new JobSpecs().get("guardduty");

        assertThat(spec.landingPrefix()).isEqualTo("guardduty/");
        assertThat(spec.datasets()).containsExactly("guardduty_findings");
        assertThat(spec.warehouseModels()).containsExactly("security_findings");
        assertThat(spec.source()).isEqualTo(new GuardDutySourceSpec(1_048_576));
    }

    @Test
    void familyNameSelectsTheSpecAndMaxRecordBytesDefaultsToOneMebibyte() {
        JobSpec spec = read("{\"job\": \"gd\", \"landingPrefix\": \"gd/\", \"source\": {\"family\": \"guardduty_findings\"},"
                + " \"datasets\": [\"guardduty_findings\"]}");

        assertThat(spec.source()).isInstanceOf(GuardDutySourceSpec.class);
        assertThat(((GuardDutySourceSpec) spec.source()).maxRecordBytes()).isEqualTo(1 << 20);
    }

    @Test
    void tooSmallOrUnknownSettingsAreRefusedByName() {
        assertThatThrownBy(() -> read("{\"job\": \"gd\", \"landingPrefix\": \"gd/\", "
                + "\"source\": {\"family\": \"guardduty_findings\", \"maxRecordBytes\": 10}}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("maxRecordBytes");
        assertThatThrownBy(() -> read("{\"job\": \"gd\", \"landingPrefix\": \"gd/\", "
                + "\"source\": {\"family\": \"guardduty_findings\", \"flowLogFormat\": \"x\"}}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("flowLogFormat");
    }

    private static JobSpec read(String json) {
        return new JsonConfigReader().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json", JobSpec.class);
    }
}
