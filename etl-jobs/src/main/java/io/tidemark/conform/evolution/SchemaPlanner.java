package io.tidemark.conform.evolution;

import io.tidemark.config.ColumnSpec;
import io.tidemark.config.DatasetSchema;
import io.tidemark.ErrorCode;
import io.tidemark.TidemarkException;
import io.tidemark.config.PartitionKeyColumn;
import io.tidemark.ErrorCode;
import io.tidemark.TidemarkException;
import io.tidemark.sources.DatasetStructs;
import io.tidemark.sources.NewFieldKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Decides one dataset's schema for one run, without Spark and before anything is written: compares the deployed
 * {@code schemas/<dataset>.json} with the recorded schema, and adds the batch's new raw fields as nullable
 * columns when the dataset's schema says so. An incompatible change throws a {@link TidemarkException}
 * ({@link ErrorCode#BAD_CONFIG}) naming the dataset, the field or column, the old type and the new one:
 * <ul>
 *   <li>the key differs from the recorded key (a key column removed or added);</li>
 *   <li>a recorded column is declared with another type ({@link TypeWidening#canChangeStoredType});</li>
 *   <li>a column new in the schema file is not nullable (published partitions have no value for it);</li>
 *   <li>every value of a recorded new field in the batch has a kind that does not fit its stored type (a type
 *       change; when only some do, they are bad values and their rows are quarantined as SCHEMA_MISMATCH);</li>
 *   <li>a new field's values have no common type, two fields map to one column name, or more new fields arrive
 *       than {@code evolution.maxNewFieldsPerRun}.</li>
 * </ul>
 * A column removed from the schema file that is not part of the key stays in the table (tables never lose
 * columns) and is written as null from then on.
 * <p>
 * The columns of a job's dynamic partitioning keys ({@link PartitionKeyColumn}) are added the same way, as nullable
 * string columns, whatever the dataset's {@code evolution} setting (the job spec asks for them); once added they stay,
 * null in the rows of jobs without those keys. A key column whose name is one of the dataset's own columns, a
 * lineage or partition column, or a column added for a raw field, stops the dataset.
 */
public final class SchemaPlanner {

    public EvolutionPlan plan(DatasetSchema deployed, Optional<RecordedSchema> recorded, FieldObservations observed,
                              String runId, String window) {
        return plan(deployed, recorded, observed, List.of(), runId, window);
    }

    /** @param keyColumns the columns of the job's dynamic partitioning keys, added when not recorded yet */
    public EvolutionPlan plan(DatasetSchema deployed, Optional<RecordedSchema> recorded, FieldObservations observed,
                              List<PartitionKeyColumn> keyColumns, String runId, String window) {
        Conflicts stop = new Conflicts(deployed.dataset(), window);
        List<SchemaChange> changes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, RecordedColumn> columns = new LinkedHashMap<>();
        deployed.columns().forEach(c -> columns.put(c.name(), RecordedColumn.declared(c)));

        if (recorded.isPresent()) {
            RecordedSchema before = recorded.get();
            checkKey(deployed, before, stop);
            for (RecordedColumn old : before.columns()) {
                Optional<ColumnSpec> declared = deployed.column(old.name());
                if (declared.isPresent()) {
                    if (!TypeWidening.canChangeStoredType(old.type(), declared.get().type())) {
                        throw stop.because("column '" + old.name() + "' is stored as " + old.type() + " but schemas/"
                                + deployed.dataset() + ".json now declares it " + declared.get().type()
                                + " (the published Parquet files cannot be read as another type)",
                                "declare it " + old.type() + " again, or add the new type as a new column");
                    }
                } else if (old.origin().equals(RecordedColumn.SCHEMA)) {
                    columns.put(old.name(), new RecordedColumn(old.name(), old.type(), true, RecordedColumn.RETAINED, null, runId));
                    changes.add(new SchemaChange(deployed.dataset(), SchemaChange.RETAIN_COLUMN, old.name(), old.type(), null, runId, window));
                } else {
                    columns.put(old.name(), old);
                }
            }
            for (ColumnSpec declared : deployed.columns()) {
                if (before.column(declared.name()).isEmpty()) {
                    if (!declared.isNullable()) {
                        throw stop.because("column '" + declared.name() + "' (" + declared.type() + ") is new in schemas/"
                                + deployed.dataset() + ".json and not nullable, but the published partitions have no value for it",
                                "declare it \"nullable\": true");
                    }
                    changes.add(new SchemaChange(deployed.dataset(), SchemaChange.ADD_COLUMN, declared.name(), declared.type(), null, runId, window));
                }
            }
        }

        Set<String> reserved = reservedNames(deployed);
        for (PartitionKeyColumn key : keyColumns) {
            RecordedColumn existing = columns.get(key.column());
            if (existing != null && existing.fromPartitionKey()) {
                continue;
            }
            if (existing != null || reserved.contains(key.column())) {
                String what = existing == null ? "a column of schemas/" + deployed.dataset() + ".json or a lineage or partition column"
                        : existing.fromRawField() ? "the column added for the raw field '" + existing.field() + "'"
                        : "a column of the dataset";
                throw stop.because("the dynamic partitioning key '" + key.key() + "' of the landing prefix would be stored in"
                        + " column '" + key.column() + "', which is already " + what,
                        "name another column for it in the job spec's partitionKeyColumns");
            }
            RecordedColumn added = new RecordedColumn(key.column(), "string", true, RecordedColumn.PARTITION_KEY, key.key(), runId);
            columns.put(key.column(), added);
            changes.add(new SchemaChange(deployed.dataset(), SchemaChange.ADD_COLUMN, added.name(), added.type(), null, runId, window));
        }

        List<FieldConversion> conversions = new ArrayList<>();
        boolean expectsBadValues = false;
        if (deployed.evolution().addsNewFields()) {
            Set<String> taken = reservedNames(deployed);
            List<RecordedColumn> added = new ArrayList<>();
            for (Map.Entry<String, Map<NewFieldKind, Long>> entry : observed.counts().entrySet()) {
                String field = entry.getKey();
                Map<NewFieldKind, Long> kinds = entry.getValue();
                Optional<String> name = NewColumnName.of(field);
                if (name.isEmpty()) {
                    warnings.add(deployed.dataset() + ": new field '" + field + "' not stored: its name gives no column name");
                    continue;
                }
                String column = name.get();
                RecordedColumn existing = columns.get(column);
                if (existing != null && existing.fromRawField()) {
                    if (!existing.field().equals(field)) {
                        throw stop.because("the raw fields '" + existing.field() + "' and '" + field + "' both map to column '"
                                + column + "'", "rename one of them at the producer, or declare the column in schemas/"
                                + deployed.dataset() + ".json and map it in the parser");
                    }
                    long fitting = count(kinds, k -> TypeWidening.fits(k, existing.type()));
                    long other = count(kinds, k -> !TypeWidening.fits(k, existing.type()));
                    if (other > 0 && fitting == 0) {
                        throw stop.because("field '" + field + "' is stored as " + existing.type() + " in column '" + column
                                + "' but all " + other + " of its values in this batch are " + describe(kinds)
                                + " (a type change; the published Parquet files cannot be read as another type)",
                                "send " + existing.type() + " values again, or send the new type in a field with another name");
                    }
                    expectsBadValues |= other > 0;
                    continue;
                }
                if (existing != null || taken.contains(column)) {
                    warnings.add(deployed.dataset() + ": new field '" + field + "' not stored: column '" + column
                            + "' is already taken by the dataset's own columns");
                    continue;
                }
                Optional<String> type = TypeWidening.commonType(kinds.keySet());
                if (type.isEmpty()) {
                    throw stop.because("new field '" + field + "' has values of different types in this batch: "
                            + describe(kinds) + ", with no common type (nothing is widened to string)",
                            "send one type for it, or declare it in schemas/" + deployed.dataset() + ".json");
                }
                RecordedColumn addedColumn = new RecordedColumn(column, type.get(), true, RecordedColumn.RAW_FIELD, field, runId);
                columns.put(column, addedColumn);
                added.add(addedColumn);
            }
            int max = deployed.evolution().maxNewFieldsPerRun();
            if (added.size() > max) {
                throw stop.because(added.size() + " new fields arrived in one run (" + added.stream().map(RecordedColumn::field)
                        .collect(Collectors.joining(", ")) + "), more than evolution.maxNewFieldsPerRun = " + max,
                        "check that the producer does not write data into field names, then raise the limit in schemas/"
                                + deployed.dataset() + ".json");
            }
            added.forEach(c -> changes.add(new SchemaChange(deployed.dataset(), SchemaChange.ADD_COLUMN, c.name(), c.type(), c.field(), runId, window)));
            columns.values().stream().filter(RecordedColumn::fromRawField)
                    .forEach(c -> conversions.add(new FieldConversion(c.field(), c.name(), c.type())));
        }

        RecordedSchema after = new RecordedSchema(deployed.dataset(), deployed.key(), new ArrayList<>(columns.values()));
        List<ColumnSpec> effective = new ArrayList<>(deployed.columns());
        columns.values().stream().filter(c -> deployed.column(c.name()).isEmpty()).forEach(c -> effective.add(c.toColumnSpec()));
        return new EvolutionPlan(deployed.withColumns(effective), after, recorded.map(r -> !r.equals(after)).orElse(true),
                changes, conversions, expectsBadValues, warnings);
    }

    private static void checkKey(DatasetSchema deployed, RecordedSchema before, Conflicts stop) {
        if (deployed.key().equals(before.key())) {
            return;
        }
        for (String old : before.key()) {
            if (!deployed.key().contains(old)) {
                String type = before.column(old).map(RecordedColumn::type).orElse("?");
                String now = deployed.column(old).map(c -> c.type() + ", no longer in the key").orElse("absent");
                throw stop.because("key column '" + old + "' (" + type + ") was removed: schemas/" + deployed.dataset()
                        + ".json now has key " + deployed.key() + " and '" + old + "' is " + now
                        + "; the published rows were deduplicated on " + before.key(),
                        "restore the key " + before.key() + " (a new key needs a new dataset)");
            }
        }
        throw stop.because("the key changed from " + before.key() + " to " + deployed.key()
                        + "; the published rows were deduplicated on " + before.key(),
                "restore the key " + before.key() + " (a new key needs a new dataset)");
    }

    private static Set<String> reservedNames(DatasetSchema deployed) {
        Set<String> names = new HashSet<>(deployed.columnNames());
        names.addAll(deployed.partitioning());
        names.addAll(List.of(DatasetStructs.SOURCE_OBJECT, DatasetStructs.SOURCE_OFFSET, DatasetStructs.ARRIVAL_TS,
                DatasetStructs.INGESTED_AT, DatasetStructs.RUN_ID, DatasetStructs.NEW_FIELDS));
        return names;
    }

    private static long count(Map<NewFieldKind, Long> kinds, Predicate<NewFieldKind> which) {
        return kinds.entrySet().stream().filter(e -> which.test(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }

    private static String describe(Map<NewFieldKind, Long> kinds) {
        return kinds.entrySet().stream().map(e -> e.getKey().columnType() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
    }

    /** Builds the error that stops a dataset. */
    private record Conflicts(String dataset, String window) {
        TidemarkException because(String problem, String fix) {
            return new TidemarkException(ErrorCode.BAD_CONFIG, "Cannot curate " + dataset + ": " + problem
                    + ". Nothing of this job was published for window " + window
                    + " and its objects stay unprocessed: " + fix + ", then rerun the window.");
        }
    }
}
