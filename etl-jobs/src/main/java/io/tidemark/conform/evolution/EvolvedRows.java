package io.tidemark.conform.evolution;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import io.tidemark.config.ColumnSpec;
import io.tidemark.config.DatasetSchema;
import io.tidemark.landing.ReasonCode;
import io.tidemark.landing.RunContext;
import io.tidemark.sources.DatasetStructs;
import io.tidemark.sources.NewFieldKind;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Lays a batch's source rows out for the evolved schema: each column added for a new raw field gets the field's
 * value cast to the column's type, every other column the source does not fill (retained columns) gets null.
 * Rows with a value that does not fit its column's stored type are split off as quarantine rows
 * (SCHEMA_MISMATCH, naming the field, its stored type and the value), laid out as the quarantine table's source
 * rows; their {@code raw} is the record as parsed (the deployed columns and the new fields), since the landed
 * text is not carried this far; {@code source_object} and {@code offset} locate the landed record.
 */
final class EvolvedRows {
    private EvolvedRows() {
    }

    /** The rows to merge, and the quarantine rows when the plan expects bad values. */
    record Split(Dataset<Row> rows, Optional<Dataset<Row>> quarantine) {
    }

    static Split apply(DatasetSchema deployed, EvolutionPlan plan, Dataset<Row> source, RunContext context) {
        Set<String> present = Set.of(source.columns());
        Dataset<Row> rows = source;
        Column bad = lit(false);
        List<Column> problems = new ArrayList<>();
        for (FieldConversion conversion : plan.conversions()) {
            Column encoded = col(DatasetStructs.NEW_FIELDS).getItem(conversion.field());
            Column tag = encoded.substr(1, 1);
            Column text = encoded.substr(2, Integer.MAX_VALUE);
            Column fits = tag.isin(TypeWidening.kindsFitting(conversion.type()).stream().map(k -> String.valueOf(k.tag())).toArray());
            rows = rows.withColumn(conversion.column(), when(fits, text.cast(DatasetStructs.sparkType(conversion.type()))));
            Column unfit = encoded.isNotNull().and(not(fits));
            bad = bad.or(unfit);
            problems.add(when(unfit, concat(lit("field '" + conversion.field() + "' is stored as " + conversion.type() + " in "
                    + deployed.dataset() + ", got a "), kindName(tag), lit(" value: "), text)));
        }
        for (ColumnSpec column : plan.schema().columns()) {
            boolean converted = plan.conversions().stream().anyMatch(c -> c.column().equals(column.name()));
            if (!converted && !present.contains(column.name())) {
                rows = rows.withColumn(column.name(), lit(null).cast(DatasetStructs.sparkType(column.type())));
            }
        }
        if (!plan.expectsBadValues()) {
            return new Split(rows, Optional.empty());
        }
        Column unfit = bad;
        List<Column> parsed = new ArrayList<>(deployed.columnNames().stream().map(c -> col(c)).toList());
        parsed.add(col(DatasetStructs.NEW_FIELDS));
        Dataset<Row> quarantine = rows.where(unfit).select(
                col(DatasetStructs.SOURCE_OBJECT).as("source_object"),
                col(DatasetStructs.SOURCE_OFFSET).as("offset"),
                lit(ReasonCode.SCHEMA_MISMATCH.name()).as("reason_code"),
                concat_ws("; ", problems.toArray(Column[]::new)).as("detail"),
                to_json(struct(parsed.toArray(Column[]::new))).as("raw"),
                lit(deployed.dataset()).as("dataset"),
                lit(context.runId()).as("run_id"),
                lit(Timestamp.from(context.startedAt())).as("quarantined_at"),
                col(DatasetStructs.SOURCE_OBJECT),
                col(DatasetStructs.SOURCE_OFFSET),
                col(DatasetStructs.ARRIVAL_TS),
                lit(context.window().date().toString()).as("dt"));
        return new Split(rows.where(not(unfit)), Optional.of(quarantine));
    }

    private static Column kindName(Column tag) {
        Column name = lit("?");
        for (NewFieldKind kind : Arrays.asList(NewFieldKind.values())) {
            name = when(tag.equalTo(String.valueOf(kind.tag())), kind.columnType()).otherwise(name);
        }
        return name;
    }
}
