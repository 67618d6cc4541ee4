package io.tidemark.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.sources.registry.ObjectParsers;
import io.tidemark.sources.reference.UsersCsvParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClickstreamAndUsersSpecTest {
    private static <T> T read(String json, Class<T> type) {
        return new JsonConfigReader().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json", type);
    }

    @Test
    void shippedJobSpecsNameTheirFamiliesPrefixesAndDatasets() {
        JobSpec clicks = new JobSpecs().get("clickstream");
        assertThat(clicks.landingPrefix()).isEqualTo("clickstream/");
        assertThat(clicks.source()).isEqualTo(new ClickstreamSourceSpec(1048576));
        assertThat(clicks.datasets()).containsExactly("click_events");
        JobSpec users = new JobSpecs().get("users");
        assertThat(users.landingPrefix()).isEqualTo("reference/users/");
        assertThat(users.source()).isEqualTo(new UsersReferenceSourceSpec(65536));
        assertThat(users.datasets()).containsExactly("users_ref");
    }

    @Test
    void familiesHaveDefaultsAndRejectTinyRecordLimits() {
        assertThat(read("{\"family\":\"clickstream\"}", SourceSpec.class)).isEqualTo(new ClickstreamSourceSpec(1 << 20));
        assertThat(read("{\"family\":\"users_reference\"}", SourceSpec.class)).isEqualTo(new UsersReferenceSourceSpec(64 * 1024));
        assertThatThrownBy(() -> read("{\"family\":\"clickstream\",\"maxRecordBytes\":10}", SourceSpec.class))
                .isInstanceOf(ConfigException.class).hasMessageContaining("maxRecordBytes");
        assertThatThrownBy(() -> read("{\"family\":\"users_reference\",\"maxRecordBytes\":10}", SourceSpec.class))
                .isInstanceOf(ConfigException.class).hasMessageContaining("maxRecordBytes");
    }

    @Test
    void schemasDeclareKeysEventTimeAndPartitioning() {
        DatasetSchema clicks = DatasetSchemas.get("click_events");
        assertThat(clicks.key()).containsExactly("event_key");
        assertThat(clicks.eventTime()).isEqualTo("event_ts");
        assertThat(clicks.partitioning()).containsExactly("dt", "hr");
        assertThat(clicks.columnNames()).containsExactly("event_key", "event_id", "article_id", "user_id", "action",
                "event_ts", "event_ts_from_arrival");
        DatasetSchema users = DatasetSchemas.get("users_ref");
        assertThat(users.key()).containsExactly("user_id");
        assertThat(users.partitioning()).containsExactly("dt");
        assertThat(users.columnNames()).containsExactly("user_id", "gender", "segment_id", "snapshot_date");
    }

    @Test
    void usersFamilyHasAParser() {
        assertThat(ObjectParsers.forSource(new UsersReferenceSourceSpec(null))).isInstanceOf(UsersCsvParser.class);
    }
}
