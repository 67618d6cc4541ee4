package io.tidemark.sources;

import io.tidemark.landing.LandingObject;
import io.tidemark.landing.RunContext;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** Reads one raw family's landed objects into typed rows, inside Spark tasks. */
public interface SourceReader {
    SourceBatch read(SparkSession spark, List<LandingObject> objects, RunContext context);
}
