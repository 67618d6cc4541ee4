package io.tidemark.conform.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.config.ColumnSpec;
import io.tidemark.config.DatasetSchema;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.config.EvolutionPolicy;
import io.tidemark.ErrorCode;
import io.tidemark.TidemarkException;
import io.tidemark.config.PartitionKeyColumn;
import io.tidemark.config.EvolutionPolicy;
import io.tidemark.ErrorCode;
import io.tidemark.TidemarkException;
import io.tidemark.sources.NewFieldKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The schema decisions of one run, without Spark: deployed schema against the recorded one, and new raw fields. */
class SchemaPlannerTest {
    private static final DatasetSchema CLICKS = DatasetSchemas.get("click_events");
    private static final String WINDOW = "2026-11-24T11";
    private final SchemaPlanner planner = new SchemaPlanner();

    private EvolutionPlan plan(DatasetSchema deployed, Optional<RecordedSchema> recorded, FieldObservations observed) {
        return planner.plan(deployed, recorded, observed, "run-2", WINDOW);
    }

    private RecordedSchema firstRecord(DatasetSchema deployed, FieldObservations observed) {
        return planner.plan(deployed, Optional.empty(), observed, "run-1", "2026-11-24T10").record();
    }

    private static FieldObservations observed(Object... fieldKindCount) {
        FieldObservations.Builder builder = new FieldObservations.Builder();
        for (int i = 0; i < fieldKindCount.length; i += 3) {
            builder.add((String) fieldKindCount[i], (NewFieldKind) fieldKindCount[i + 1], ((Number) fieldKindCount[i + 2]).longValue());
        }
        return builder.build();
    }

    private static TidemarkException stopped(Runnable plan) {
        try {
            plan.run();
        } catch (TidemarkException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_CONFIG);
            return e;
        }
        throw new AssertionError("expected the dataset to stop");
    }

    @Test
    void theFirstRunRecordsTheDeployedSchemaAndAddsNewFieldsSortedByName() {
        EvolutionPlan plan = plan(CLICKS, Optional.empty(), observed("ref", NewFieldKind.STRING, 2,
                "score", NewFieldKind.BIGINT, 3, "score", NewFieldKind.DOUBLE, 1));
        assertThat(plan.recordChanged()).isTrue();
        List<String> names = new ArrayList<>(CLICKS.columnNames());
        names.addAll(List.of("ref", "score"));
        assertThat(plan.schema().columnNames()).containsExactlyElementsOf(names);
        assertThat(plan.schema().column("score").orElseThrow().type()).isEqualTo("double");
        assertThat(plan.schema().column("score").orElseThrow().isNullable()).isTrue();
        assertThat(plan.changes()).extracting(SchemaChange::column, SchemaChange::type, SchemaChange::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ref", "string", "ADD_COLUMN"),
                        org.assertj.core.groups.Tuple.tuple("score", "double", "ADD_COLUMN"));
        assertThat(plan.conversions()).containsExactly(new FieldConversion("ref", "ref", "string"),
                new FieldConversion("score", "score", "double"));
        assertThat(plan.expectsBadValues()).isFalse();
    }

    @Test
    void aRerunWithTheSameFieldsChangesNothing() {
        FieldObservations fields = observed("score", NewFieldKind.BIGINT, 3);
        RecordedSchema recorded = firstRecord(CLICKS, fields);
        EvolutionPlan again = plan(CLICKS, Optional.of(recorded), fields);
        assertThat(again.recordChanged()).isFalse();
        assertThat(again.record()).isEqualTo(recorded);
        assertThat(again.changes()).isEmpty();
        assertThat(plan(CLICKS, Optional.of(recorded), FieldObservations.NONE).schema().columnNames()).contains("score");
    }

    @Test
    void laterFieldsAreAppendedAfterTheRecordedOnes() {
        RecordedSchema recorded = firstRecord(CLICKS, observed("zeta", NewFieldKind.STRING, 1));
        EvolutionPlan plan = plan(CLICKS, Optional.of(recorded), observed("alpha", NewFieldKind.BOOLEAN, 1, "zeta", NewFieldKind.STRING, 4));
        List<String> names = plan.schema().columnNames();
        assertThat(names.subList(names.size() - 2, names.size())).containsExactly("zeta", "alpha");
    }

    @Test
    void someValuesOfAnotherKindAreBadValuesAndAllOfThemAreATypeChange() {
        RecordedSchema recorded = firstRecord(CLICKS, observed("score", NewFieldKind.BIGINT, 3));
        EvolutionPlan mixed = plan(CLICKS, Optional.of(recorded), observed("score", NewFieldKind.BIGINT, 5, "score", NewFieldKind.STRING, 1));
        assertThat(mixed.expectsBadValues()).isTrue();
        assertThat(mixed.recordChanged()).isFalse();

        TidemarkException e = stopped(() -> plan(CLICKS, Optional.of(recorded), observed("score", NewFieldKind.STRING, 4)));
        assertThat(e.getMessage()).contains("click_events", "field 'score'", "stored as bigint", "string (4)", WINDOW);
        stopped(() -> plan(CLICKS, Optional.of(recorded), observed("score", NewFieldKind.DOUBLE, 2)));
    }

    @Test
    void integersFitARecordedDoubleField() {
        RecordedSchema recorded = firstRecord(CLICKS, observed("ratio", NewFieldKind.DOUBLE, 1));
        EvolutionPlan plan = plan(CLICKS, Optional.of(recorded), observed("ratio", NewFieldKind.BIGINT, 3));
        assertThat(plan.expectsBadValues()).isFalse();
        assertThat(plan.schema().column("ratio").orElseThrow().type()).isEqualTo("double");
    }

    @Test
    void aNewFieldWithoutACommonTypeStopsTheDataset() {
        TidemarkException e = stopped(() -> plan(CLICKS, Optional.empty(),
                observed("ref", NewFieldKind.STRING, 2, "ref", NewFieldKind.BIGINT, 1)));
        assertThat(e.getMessage()).contains("new field 'ref'", "bigint (1)", "string (2)");
    }

    @Test
    void tooManyNewFieldsStopTheDataset() {
        DatasetSchema strict = new DatasetSchema(CLICKS.dataset(), CLICKS.description(), CLICKS.key(), CLICKS.eventTime(),
                CLICKS.partitioning(), CLICKS.lineage(), CLICKS.columns(), new EvolutionPolicy(EvolutionPolicy.NewFields.ADD, 1), null, null);
        TidemarkException e = stopped(() -> plan(strict, Optional.empty(),
                observed("a", NewFieldKind.STRING, 1, "b", NewFieldKind.STRING, 1)));
        assertThat(e.getMessage()).contains("2 new fields", "a, b", "maxNewFieldsPerRun = 1");
    }

    @Test
    void fieldsNamedLikeTheDatasetsOwnColumnsAreNotStoredAndSaySo() {
        EvolutionPlan plan = plan(CLICKS, Optional.empty(), observed("event_ts", NewFieldKind.STRING, 1, "DT", NewFieldKind.STRING, 1));
        assertThat(plan.schema().columnNames()).containsExactlyElementsOf(CLICKS.columnNames());
        assertThat(plan.warnings()).hasSize(2).allSatisfy(w -> assertThat(w).contains("not stored"));
    }

    @Test
    void twoFieldsForOneColumnStopTheDataset() {
        RecordedSchema recorded = firstRecord(CLICKS, observed("pageUrl", NewFieldKind.STRING, 1));
        TidemarkException e = stopped(() -> plan(CLICKS, Optional.of(recorded), observed("pageurl", NewFieldKind.STRING, 1)));
        assertThat(e.getMessage()).contains("'pageUrl'", "'pageurl'", "column 'pageurl'");
    }

    @Test
    void newFieldsAreIgnoredWhenTheSchemaDoesNotAddThem() {
        DatasetSchema flows = DatasetSchemas.get("vpc_flow_logs");
        EvolutionPlan plan = plan(flows, Optional.empty(), observed("x", NewFieldKind.STRING, 1));
        assertThat(plan.schema().columnNames()).containsExactlyElementsOf(flows.columnNames());
        assertThat(plan.conversions()).isEmpty();
    }

    @Test
    void aRemovedKeyColumnStopsTheDatasetNamingItAndItsType() {
        RecordedSchema recorded = firstRecord(CLICKS, FieldObservations.NONE);
        List<ColumnSpec> withoutKey = CLICKS.columns().stream().filter(c -> !c.name().equals("event_key")).toList();
        DatasetSchema changed = new DatasetSchema(CLICKS.dataset(), CLICKS.description(), List.of("event_id"), CLICKS.eventTime(),
                CLICKS.partitioning(), CLICKS.lineage(), withoutKey, CLICKS.evolution(), null, null);
        TidemarkException e = stopped(() -> plan(changed, Optional.of(recorded), FieldObservations.NONE));
        assertThat(e.getMessage()).contains("key column 'event_key' (string) was removed", "absent", "[event_id]");
    }

    @Test
    void aDeclaredTypeChangeStopsTheDatasetNamingOldAndNewType() {
        RecordedSchema recorded = firstRecord(CLICKS, FieldObservations.NONE);
        List<ColumnSpec> columns = CLICKS.columns().stream().map(c -> c.name().equals("article_id")
                ? new ColumnSpec(c.name(), "string", c.nullable(), c.doc()) : c).toList();
        TidemarkException e = stopped(() -> plan(CLICKS.withColumns(columns), Optional.of(recorded), FieldObservations.NONE));
        assertThat(e.getMessage()).contains("column 'article_id'", "stored as bigint", "declares it string");
    }

    @Test
    void aNewDeclaredColumnMustBeNullableAndIsFlagged() {
        RecordedSchema recorded = firstRecord(CLICKS, FieldObservations.NONE);
        List<ColumnSpec> required = new ArrayList<>(CLICKS.columns());
        required.add(new ColumnSpec("channel", "string", false, null));
        TidemarkException e = stopped(() -> plan(CLICKS.withColumns(required), Optional.of(recorded), FieldObservations.NONE));
        assertThat(e.getMessage()).contains("column 'channel' (string) is new", "nullable");

        List<ColumnSpec> optional = new ArrayList<>(CLICKS.columns());
        optional.add(new ColumnSpec("channel", "string", true, null));
        EvolutionPlan plan = plan(CLICKS.withColumns(optional), Optional.of(recorded), FieldObservations.NONE);
        assertThat(plan.changes()).extracting(SchemaChange::column).containsExactly("channel");
    }

    @Test
    void aRemovedNonKeyColumnIsRetainedAsNullable() {
        RecordedSchema recorded = firstRecord(CLICKS, FieldObservations.NONE);
        List<ColumnSpec> without = CLICKS.columns().stream().filter(c -> !c.name().equals("action")).toList();
        EvolutionPlan plan = plan(CLICKS.withColumns(without), Optional.of(recorded), FieldObservations.NONE);
        assertThat(plan.schema().column("action").orElseThrow().isNullable()).isTrue();
        assertThat(plan.changes()).extracting(SchemaChange::change, SchemaChange::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("RETAIN_COLUMN", "action"));
        EvolutionPlan next = planner.plan(CLICKS.withColumns(without), Optional.of(plan.record()), FieldObservations.NONE, "run-3", WINDOW);
        assertThat(next.recordChanged()).isFalse();
        assertThat(next.changes()).isEmpty();
    }

    @Test
    void partitionKeyColumnsAreAddedOnceAndKeptForJobsWithoutThem() {
        DatasetSchema appLogs = DatasetSchemas.get("app_logs");
        List<PartitionKeyColumn> keys = List.of(new PartitionKeyColumn("customer_id", "_partition_customer_id"));
        EvolutionPlan first = planner.plan(appLogs, Optional.empty(), FieldObservations.NONE, keys, "run-1", WINDOW);

        ColumnSpec column = first.schema().column("_partition_customer_id").orElseThrow();
        assertThat(column.type()).isEqualTo("string");
        assertThat(column.isNullable()).isTrue();
        assertThat(column.doc()).contains("customer_id");
        assertThat(first.record().column("_partition_customer_id").orElseThrow().origin()).isEqualTo(RecordedColumn.PARTITION_KEY);
        assertThat(first.changes()).extracting(SchemaChange::change, SchemaChange::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ADD_COLUMN", "_partition_customer_id"));
        assertThat(first.conversions()).isEmpty();

        EvolutionPlan again = planner.plan(appLogs, Optional.of(first.record()), FieldObservations.NONE, keys, "run-2", WINDOW);
        assertThat(again.recordChanged()).isFalse();
        assertThat(again.changes()).isEmpty();
        EvolutionPlan withoutKeys = plan(appLogs, Optional.of(first.record()), FieldObservations.NONE);
        assertThat(withoutKeys.recordChanged()).isFalse();
        assertThat(withoutKeys.schema().columnNames()).endsWith("_partition_customer_id");
    }

    @Test
    void aPartitionKeyColumnThatIsAlreadyAnotherColumnStopsTheDataset() {
        TidemarkException declared = stopped(() -> planner.plan(CLICKS, Optional.empty(), FieldObservations.NONE,
                List.of(new PartitionKeyColumn("user", "user_id")), "run-1", WINDOW));
        assertThat(declared.getMessage()).contains("partitioning key 'user'", "column 'user_id'", "partitionKeyColumns");

        RecordedSchema recorded = firstRecord(CLICKS, observed("tenant", NewFieldKind.STRING, 1));
        TidemarkException rawField = stopped(() -> planner.plan(CLICKS, Optional.of(recorded), FieldObservations.NONE,
                List.of(new PartitionKeyColumn("tenant", "tenant")), "run-2", WINDOW));
        assertThat(rawField.getMessage()).contains("the raw field 'tenant'");
    }

    @Test
    void aNewRawFieldDoesNotTakeAPartitionKeyColumn() {
        List<PartitionKeyColumn> keys = List.of(new PartitionKeyColumn("tenant", "tenant"));
        EvolutionPlan plan = planner.plan(CLICKS, Optional.empty(), observed("tenant", NewFieldKind.BIGINT, 2), keys, "run-1", WINDOW);
        assertThat(plan.record().column("tenant").orElseThrow().origin()).isEqualTo(RecordedColumn.PARTITION_KEY);
        assertThat(plan.conversions()).isEmpty();
        assertThat(plan.warnings()).anySatisfy(w -> assertThat(w).contains("'tenant' not stored"));
    }
}
