package io.tidemark.quality;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import com.amazon.deequ.dqdl.EvaluateDataQuality;
import io.tidemark.config.DatasetSchema;
import io.tidemark.landing.ReasonCode;
import io.tidemark.landing.RunContext;
import io.tidemark.sources.DatasetStructs;
import io.tidemark.sources.QuarantineRows;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import software.amazon.glue.dqdl.model.DQRule;

/**
 * Applies a dataset's row-level blocking rules ({@link DatasetRules#rowLevel()}) to its source rows before the
 * merge, with Deequ's row-level DQDL outcomes: rows failing a rule become quarantine rows with reason
 * {@link ReasonCode#QUALITY_RULE} and the rules they failed in the detail; the other rows go on. When every rule
 * passed on the whole batch (Deequ computes that with the row-level outcomes), no row fails one and the rows go on as
 * they are.
 */
public final class RowLevelScreen {
    private static final String FAILED_RULES = "DataQualityRulesFail";

    /** The rows that passed, and the failing ones as rows of the job's quarantine table, with their count. */
    public record Screened(Dataset<Row> kept, Dataset<Row> quarantined, long quarantinedCount) {
    }

    public Screened screen(DatasetSchema schema, DatasetRules rules, Dataset<Row> rows, RunContext context) {
        List<DQRule> rowLevel = rules.rowLevel();
        if (rowLevel.isEmpty()) {
            return new Screened(rows, rows.sparkSession().createDataFrame(List.of(), QuarantineRows.struct()), 0);
        }
        scala.collection.immutable.Map<String, Dataset<Row>> evaluated = EvaluateDataQuality.processRows(rows, Ruleset.textOf(rowLevel));
        if (everyRulePassed(evaluated, rowLevel.size())) {
            // a row-level rule passes only when every row passes it: no row to take out, no row-level pass to run
            return new Screened(rows, rows.sparkSession().createDataFrame(List.of(), QuarantineRows.struct()), 0);
        }
        Dataset<Row> judged = evaluated.apply(EvaluateDataQuality.ROW_LEVEL_OUTCOMES_KEY())
                .persist(StorageLevel.MEMORY_AND_DISK());
        Column failing = size(col(FAILED_RULES)).gt(0);
        Dataset<Row> kept = judged.filter(failing.unary_$bang()).select(Arrays.stream(rows.columns()).map(c -> col(c)).toArray(Column[]::new));
        Column[] dataColumns = Arrays.stream(DatasetStructs.dataColumns(schema).fieldNames()).map(c -> col(c)).toArray(Column[]::new);
        Dataset<Row> quarantined = judged.filter(failing).select(
                col(DatasetStructs.SOURCE_OBJECT).as("source_object"),
                col(DatasetStructs.SOURCE_OFFSET).as("offset"),
                lit(ReasonCode.QUALITY_RULE.name()).as("reason_code"),
                concat(lit("failed quality rule " + rules.blocking().map(Ruleset::file).orElse("") + ": "),
                        array_join(col(FAILED_RULES), "; ")).as("detail"),
                to_json(struct(dataColumns)).as("raw"),
                lit(schema.dataset()).as("dataset"),
                lit(context.runId()).as("run_id"),
                lit(Timestamp.from(context.startedAt())).as("quarantined_at"),
                col(DatasetStructs.SOURCE_OBJECT).as(DatasetStructs.SOURCE_OBJECT),
                col(DatasetStructs.SOURCE_OFFSET).as(DatasetStructs.SOURCE_OFFSET),
                lit(null).cast(DataTypes.TimestampType).as(DatasetStructs.ARRIVAL_TS),
                lit(context.window().date().toString()).as("dt"));
        return new Screened(kept, quarantined, judged.filter(failing).count());
    }

    /** Whether Deequ's outcome of each of the {@code rules} row-level rules (computed with them) is "Passed". */
    private static boolean everyRulePassed(scala.collection.immutable.Map<String, Dataset<Row>> evaluated, int rules) {
        scala.Option<Dataset<Row>> outcomes = evaluated.get(EvaluateDataQuality.RULE_OUTCOMES_KEY());
        if (outcomes.isEmpty()) {
            return false;
        }
        List<Row> rows = outcomes.get().select("Outcome").collectAsList();
        return rows.size() == rules && rows.stream().allMatch(row -> "Passed".equals(row.getString(0)));
    }
}
