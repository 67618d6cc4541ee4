package io.tidemark.sources.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.config.AuroraSalesSourceSpec;
import io.tidemark.config.ConfigException;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.config.DebeziumSourceSpec;
import io.tidemark.config.DmsSourceSpec;
import io.tidemark.config.JobSpec;
import io.tidemark.config.JobSpecs;
import io.tidemark.sources.registry.ObjectParsers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CdcJobSpecsTest {
    private final JobSpecs specs = new JobSpecs();

    @Test
    void theThreeJobsReadTheirPrefixesIntoSalesChanges() {
        JobSpec aurora = specs.get("aurora_sales");
        JobSpec dms = specs.get("dms_sales");
        JobSpec debezium = specs.get("debezium_sales");
        assertThat(List.of(aurora.landingPrefix(), dms.landingPrefix(), debezium.landingPrefix()))
                .containsExactly("aurora-sales/", "dms/", "debezium/");
        assertThat(aurora.source()).isEqualTo(new AuroraSalesSourceSpec());
        assertThat(dms.source()).isEqualTo(DmsSourceSpec.defaults());
        assertThat(debezium.source()).isEqualTo(DebeziumSourceSpec.defaults());
        for (JobSpec job : List.of(aurora, dms, debezium)) {
            assertThat(job.datasets()).containsExactly("sales_changes");
        }
        assertThat(ObjectParsers.forSource(aurora.source())).isInstanceOf(io.tidemark.sources.FirehoseErrorOutputParser.class);
        assertThat(ObjectParsers.forSource(aurora.source()).datasets()).containsExactly("sales_changes");
        assertThat(ObjectParsers.forSource(dms.source())).isInstanceOf(DmsCsvParser.class);
    }

    @Test
    void maxRecordBytesIsReadFromJsonAndDefaultsWhenAbsent() {
        io.tidemark.config.JsonConfigReader reader = new io.tidemark.config.JsonConfigReader();
        assertThat(reader.read(json("{\"family\": \"aurora_sales\", \"maxRecordBytes\": 4096}"), "a.json",
                io.tidemark.config.SourceSpec.class)).isEqualTo(new AuroraSalesSourceSpec(4096));
        assertThat(reader.read(json("{\"family\": \"aurora_sales\"}"), "a.json",
                io.tidemark.config.SourceSpec.class)).isEqualTo(new AuroraSalesSourceSpec());
        assertThat(reader.read(json("{\"family\": \"dms_csv\", \"header\": true, \"maxRecordBytes\": 65536}"),
                "d.json", io.tidemark.config.SourceSpec.class))
                .isEqualTo(new DmsSourceSpec(null, true, null, null, null, 65536));
        assertThat(reader.read(json("{\"family\": \"dms_csv\"}"), "d.json", io.tidemark.config.SourceSpec.class))
                .isEqualTo(DmsSourceSpec.defaults());
    }

    private static java.io.InputStream json(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void schemaColumnsMatchTheRowLayout() {
        assertThat(DatasetSchemas.get("sales_changes").columnNames()).containsExactly("change_key", "source", "op",
                "sale_id", "change_ts", "source_seq", "item_id", "category", "price", "quantity", "order_date",
                "destination_state", "shipping_type", "referral");
        assertThat(DatasetSchemas.get("sales_changes").key()).containsExactly("change_key");
        assertThat(DatasetSchemas.get("sales_changes").partitioning()).containsExactly("dt");
    }

    @Test
    void debeziumFieldMappingIsValidated() {
        DebeziumSourceSpec spec = new DebeziumSourceSpec("id", Map.of("amount", "price"));
        assertThat(spec.sourceColumn("price")).isEqualTo("amount");
        assertThat(spec.sourceColumn("category")).isEqualTo("category");
        assertThatThrownBy(() -> new DebeziumSourceSpec(null, Map.of("amount", "cost")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cost");
        assertThatThrownBy(() -> new DebeziumSourceSpec(null, Map.of("a", "price", "b", "price")))
                .isInstanceOf(ConfigException.class);
    }
}
