package io.tidemark.sources;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import io.tidemark.config.DatasetSchemas;
import io.tidemark.config.PartitionKeyColumn;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Every {@link SourceItem} of a source as one Spark row layout, so a single parse of the objects feeds one columnar
 * cache: {@code _item} (which kind of item), {@code _object} (the URI of the landed object it came from), then the
 * columns the slices share, and {@code _report} (the Java-serialized {@link ObjectReport}). There is one slice per
 * curated dataset ({@link DatasetStructs#sourceRow}) and one for the quarantine ({@link QuarantineRows#struct()}).
 *
 * <p>An item fills only its own slice, so the slices share physical columns: the n-th field of a given type of every
 * slice is the same column {@code _c<k>}, and the layout is as wide as the widest slice per type, not as all slices
 * together (the encoder and the cache's column builders pay per column per row). A dataset row's
 * {@code _source_object} is the {@code _object} column itself, never stored twice.
 */
final class SourceItemLayout implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String ITEM = "_item";
    static final String OBJECT = "_object";
    static final String REPORT = "_report";
    private static final int OBJECT_COLUMN = 1;
    private static final int QUARANTINED = -1;
    private static final int DONE = -2;
    private static final int CHANGED = -3;

    private final List<String> datasets;
    private final List<StructType> slices = new ArrayList<>();
    /** For each slice, the physical column of each of its fields. */
    private final List<int[]> columnsOf = new ArrayList<>();
    private final StructType struct;

    /** @param keyColumns the job's dynamic partitioning key columns, carried by every dataset's rows */
    SourceItemLayout(List<String> datasets, List<PartitionKeyColumn> keyColumns) {
        this.datasets = List.copyOf(datasets);
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(ITEM, DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField(OBJECT, DataTypes.StringType, false));
        for (String dataset : datasets) {
            slices.add(DatasetStructs.sourceRow(DatasetSchemas.get(dataset), keyColumns));
        }
        slices.add(QuarantineRows.struct());
        Map<DataType, List<Integer>> shared = new HashMap<>();
        for (int slice = 0; slice < slices.size(); slice++) {
            boolean dataset = slice < datasets.size();
            StructField[] sliceFields = slices.get(slice).fields();
            int[] columns = new int[sliceFields.length];
            Map<DataType, Integer> used = new HashMap<>();
            for (int i = 0; i < sliceFields.length; i++) {
                StructField field = sliceFields[i];
                if (dataset && field.name().equals(DatasetStructs.SOURCE_OBJECT)) {
                    columns[i] = OBJECT_COLUMN;
                    continue;
                }
                List<Integer> ofType = shared.computeIfAbsent(field.dataType(), t -> new ArrayList<>());
                int n = used.merge(field.dataType(), 1, Integer::sum) - 1;
                if (n == ofType.size()) {
                    ofType.add(fields.size());
                    fields.add(DataTypes.createStructField("_c" + fields.size(), field.dataType(), true));
                }
                columns[i] = ofType.get(n);
            }
            columnsOf.add(columns);
        }
        fields.add(DataTypes.createStructField(REPORT, DataTypes.BinaryType, true));
        this.struct = DataTypes.createStructType(fields);
    }

    StructType struct() {
        return struct;
    }

    /** The item of the given object as one row of {@link #struct()}. */
    Row toRow(String object, SourceItem item) {
        Object[] values = new Object[struct.size()];
        values[1] = object;
        if (item instanceof SourceItem.Curated curated) {
            int index = datasets.indexOf(curated.dataset());
            if (index < 0) {
                throw new IllegalStateException("Cannot lay out a row of dataset " + curated.dataset() + ": not one of " + datasets);
            }
            values[0] = index;
            copy(curated.row(), values, columnsOf.get(index));
        } else if (item instanceof SourceItem.Quarantined quarantined) {
            values[0] = QUARANTINED;
            copy(quarantined.row(), values, columnsOf.get(datasets.size()));
        } else if (item instanceof SourceItem.Done done) {
            values[0] = DONE;
            values[values.length - 1] = serialize(done.report());
        } else if (item instanceof SourceItem.Changed) {
            values[0] = CHANGED;
        }
        return RowFactory.create(values);
    }

    /**
     * The rows of one curated dataset, laid out as {@link DatasetStructs#sourceRow}, without those of the given
     * objects (rewritten after they were listed: whatever they yielded before the change was found is dropped).
     */
    Dataset<Row> dataset(Dataset<Row> all, String dataset, List<String> changed) {
        int index = datasets.indexOf(dataset);
        return slice(all, index, index, changed);
    }

    /** The quarantine rows, laid out as {@link QuarantineRows#struct()}, without those of the given objects. */
    Dataset<Row> quarantine(Dataset<Row> all, List<String> changed) {
        return slice(all, QUARANTINED, datasets.size(), changed);
    }

    /** What the driver needs of every object, in one pass: its report, or the URI of an object that changed. */
    Outcomes outcomes(Dataset<Row> all) {
        List<ObjectReport> reports = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (Row row : all.where(col(ITEM).leq(DONE)).select(col(ITEM), col(OBJECT), col(REPORT)).collectAsList()) {
            if (row.getInt(0) == DONE) {
                reports.add(deserialize(row.getAs(2)));
            } else {
                changed.add(row.getString(1));
            }
        }
        return new Outcomes(reports, changed);
    }

    /** The object reports and the objects that changed after they were listed. */
    record Outcomes(List<ObjectReport> reports, List<String> changed) {
    }

    private Dataset<Row> slice(Dataset<Row> all, int item, int slice, List<String> changed) {
        StructField[] fields = slices.get(slice).fields();
        String[] physical = struct.fieldNames();
        Column[] columns = new Column[fields.length];
        for (int i = 0; i < fields.length; i++) {
            columns[i] = col(physical[columnsOf.get(slice)[i]]).as(fields[i].name());
        }
        Column kept = col(ITEM).equalTo(item);
        if (!changed.isEmpty()) {
            kept = kept.and(not(col(OBJECT).isin(changed.toArray())));
        }
        return all.where(kept).select(columns);
    }

    private static void copy(Row row, Object[] values, int[] columns) {
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] != OBJECT_COLUMN) {
                values[columns[i]] = row.get(i);
            }
        }
    }

    private static byte[] serialize(ObjectReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(report);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serialize the report of " + report.uri(), e);
        }
        return bytes.toByteArray();
    }

    private static ObjectReport deserialize(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (ObjectReport) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Cannot read back an object report: " + e.getMessage(), e);
        }
    }
}
