package io.tidemark.quality;

import static java.util.Objects.requireNonNull;

import io.tidemark.landing.LandingWindow;
import io.tidemark.landing.RunContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The run whose written version a ruleset judges: its id and its landing window (UTC). {@code CustomSql} rules see it
 * as the one-row view {@value #VIEW} ({@code run_id}, {@code window_start}, {@code window_end}), so freshness is
 * judged against the window a run covers, not against the wall clock (a backfill of last month is as fresh as the
 * hourly run was).
 */
public record RunWindow(String runId, Instant start, Instant end) {
    /** The name {@code CustomSql} rules give the run's window. */
    public static final String VIEW = "run_window";

    public RunWindow {
        requireNonNull(runId, "runId is null");
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
    }

    public static RunWindow of(RunContext context) {
        return of(context.runId(), context.window());
    }

    public static RunWindow of(String runId, LandingWindow window) {
        Instant start = window.date().atStartOfDay(ZoneOffset.UTC).toInstant();
        if (window.hour().isPresent()) {
            start = start.plus(Duration.ofHours(window.hour().getAsInt()));
            return new RunWindow(runId, start, start.plus(Duration.ofHours(1)));
        }
        return new RunWindow(runId, start, start.plus(Duration.ofDays(1)));
    }

    Dataset<Row> asRow(SparkSession spark) {
        return spark.createDataFrame(List.of(RowFactory.create(runId, Timestamp.from(start), Timestamp.from(end))), new StructType()
                .add("run_id", DataTypes.StringType, false)
                .add("window_start", DataTypes.TimestampType, false)
                .add("window_end", DataTypes.TimestampType, false));
    }
}
