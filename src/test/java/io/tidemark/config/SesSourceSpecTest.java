package io.tidemark.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SesSourceSpecTest {
    private static JobSpec read(String json) {
        return new JsonConfigReader().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test", JobSpec.class);
    }

    @Test
    void familySesEventsReadsAnSesSourceSpec() {
        JobSpec spec = read("""
                {"job": "ses", "landingPrefix": "ses/", "source": {"family": "ses_events", "maxRecordBytes": 65536},
                 "datasets": ["ses_events"]}""");
        assertThat(spec.source()).isEqualTo(new SesSourceSpec(65536));
        assertThat(((SesSourceSpec) read("""
                {"job": "ses", "landingPrefix": "ses/", "source": {"family": "ses_events"}}""").source()).maxRecordBytes())
                .isEqualTo(1 << 20);
        assertThatThrownBy(() -> read("""
                {"job": "ses", "landingPrefix": "ses/", "source": {"family": "ses_events", "maxRecordBytes": 10}}"""))
                .isInstanceOf(ConfigException.class).hasMessageContaining("maxRecordBytes");
    }

    @Test
    void theShippedJobReadsSes() {
        JobSpec spec = new JobSpecs().get("ses");
        assertThat(spec.landingPrefix()).isEqualTo("ses/");
        assertThat(spec.source()).isInstanceOf(SesSourceSpec.class);
        assertThat(spec.datasets()).containsExactly("ses_events");
        assertThat(spec.warehouseModels()).containsExactly("email_events");
    }
}
