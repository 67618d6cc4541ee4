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
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Every {@link SourceItem} of a source as one Spark row layout, so a single parse of the objects feeds one columnar
 * cache: {@code _item} (which kind of item), {@code _object} (the URI of the landed object it came from), then one
 * slice of columns per curated dataset ({@link DatasetStructs#sourceRow} with names prefixed {@code _<n>_}), a slice
 * for the quarantine ({@link QuarantineRows#struct()}) and {@code _report} (the Java-serialized {@link ObjectReport}).
 * An item fills its own slice; the others stay null, which a columnar cache stores at almost no cost.
 */
final class SourceItemLayout implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String ITEM = "_item";
    static final String OBJECT = "_object";
    static final String REPORT = "_report";
    private static final int QUARANTINED = -1;
    private static final int DONE = -2;
    private static final int CHANGED = -3;

    private final List<String> datasets;
    private final List<StructType> slices = new ArrayList<>();
    private final List<Integer> offsets = new ArrayList<>();
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
        for (int slice = 0; slice < slices.size(); slice++) {
            offsets.add(fields.size());
            for (StructField field : slices.get(slice).fields()) {
                fields.add(DataTypes.createStructField(prefix(slice) + field.name(), field.dataType(), true));
            }
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
            copy(curated.row(), values, offsets.get(index));
        } else if (item instanceof SourceItem.Quarantined quarantined) {
            values[0] = QUARANTINED;
            copy(quarantined.row(), values, offsets.get(datasets.size()));
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
        Column[] columns = new Column[fields.length];
        for (int i = 0; i < fields.length; i++) {
            columns[i] = col(prefix(slice) + fields[i].name()).as(fields[i].name());
        }
        Column kept = col(ITEM).equalTo(item);
        if (!changed.isEmpty()) {
            kept = kept.and(not(col(OBJECT).isin(changed.toArray())));
        }
        return all.where(kept).select(columns);
    }

    private static String prefix(int slice) {
        return "_" + slice + "_";
    }

    private static void copy(Row row, Object[] values, int offset) {
        for (int i = 0; i < row.size(); i++) {
            values[offset + i] = row.get(i);
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
