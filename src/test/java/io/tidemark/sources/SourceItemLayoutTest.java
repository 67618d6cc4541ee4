package io.tidemark.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.config.DatasetSchemas;
import io.tidemark.testing.SparkFixture;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The one row layout of a source's cache: slices sharing columns by type, read back exactly. */
class SourceItemLayoutTest {
    private static final String OBJECT = "s3://landing/cwlogs/2026/11/24/10/stream-1-2026-11-24-10-00-00-abc.gz";
    private static final List<String> DATASETS = List.of("vpc_flow_logs", "app_logs");

    @RegisterExtension
    static final SparkFixture spark = new SparkFixture();

    @Test
    void slicesShareColumnsByTypeAndTheSourceObjectIsTheObjectColumn() {
        SourceItemLayout layout = new SourceItemLayout(DATASETS, List.of());
        StructType flows = DatasetStructs.sourceRow(DatasetSchemas.get("vpc_flow_logs"));
        StructType apps = DatasetStructs.sourceRow(DatasetSchemas.get("app_logs"));

        // _item, _object, _report, and the widest slice per type: the flow-log slice holds every type the others use
        int unshared = 3 + flows.size() + apps.size() + QuarantineRows.struct().size();
        assertThat(layout.struct().size()).isLessThan(unshared).isLessThanOrEqualTo(3 + flows.size() + 2);
        assertThat(layout.struct().fieldNames()).doesNotContain(DatasetStructs.SOURCE_OBJECT);
    }

    @Test
    void everySliceReadsBackTheRowsItsItemsCarried() {
        SourceItemLayout layout = new SourceItemLayout(DATASETS, List.of());
        Row flow = sample(DatasetStructs.sourceRow(DatasetSchemas.get("vpc_flow_logs")), "flow");
        Row app = sample(DatasetStructs.sourceRow(DatasetSchemas.get("app_logs")), "app");
        Row quarantined = sample(QuarantineRows.struct(), "bad");
        Dataset<Row> all = spark.session().createDataFrame(List.of(
                layout.toRow(OBJECT, new SourceItem.Curated("app_logs", app)),
                layout.toRow(OBJECT, new SourceItem.Curated("vpc_flow_logs", flow)),
                layout.toRow(OBJECT, new SourceItem.Quarantined(quarantined)),
                layout.toRow("s3://landing/changed.gz", new SourceItem.Changed("s3://landing/changed.gz"))), layout.struct());

        assertThat(layout.dataset(all, "vpc_flow_logs", List.of()).collectAsList()).containsExactly(flow);
        assertThat(layout.dataset(all, "app_logs", List.of()).collectAsList()).containsExactly(app);
        assertThat(layout.quarantine(all, List.of()).collectAsList()).containsExactly(quarantined);
        assertThat(layout.dataset(all, "app_logs", List.of(OBJECT)).collectAsList()).isEmpty();
        assertThat(layout.outcomes(all).changed()).containsExactly("s3://landing/changed.gz");
    }

    /** A row of {@code struct} with a distinct value in every column; the source object is the object's URI. */
    private static Row sample(StructType struct, String tag) {
        StructField[] fields = struct.fields();
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            values[i] = fields[i].name().equals(DatasetStructs.SOURCE_OBJECT) ? OBJECT : value(fields[i].dataType(), tag, i);
        }
        return RowFactory.create(values);
    }

    private static Object value(DataType type, String tag, int i) {
        if (type.equals(DataTypes.StringType)) {
            return tag + "-" + i;
        } else if (type.equals(DataTypes.LongType)) {
            return 1000L + i;
        } else if (type.equals(DataTypes.IntegerType)) {
            return 100 + i;
        } else if (type.equals(DataTypes.DoubleType)) {
            return i + 0.5;
        } else if (type.equals(DataTypes.BooleanType)) {
            return i % 2 == 0;
        } else if (type.equals(DataTypes.TimestampType)) {
            return Timestamp.from(Instant.parse("2026-11-24T10:00:00Z").plusSeconds(i));
        }
        return null;
    }
}
