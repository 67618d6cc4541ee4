package io.tidemark.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.timestamp_seconds;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The baseline: the Spark job one would write first for VPC flow logs in CloudWatch envelopes, on a
 * newline-delimited copy of the envelopes ({@code read.json} with a schema, {@code explode} of the log events,
 * {@code split} of the message, {@code dropDuplicates} on the event id, Parquet partitioned by the flow's start
 * date and hour). No quarantine, no lineage, no catalog, no atomic publish.
 */
final class IdiomaticCurateJob {
    private static final String[] FIELDS = {"version", "account_id", "interface_id", "srcaddr", "dstaddr", "srcport",
            "dstport", "protocol", "packets", "bytes", "start", "end", "action", "log_status"};
    private static final String[] TYPES = {"int", "string", "string", "string", "string", "int", "int", "int",
            "bigint", "bigint", "bigint", "bigint", "string", "string"};

    private final SparkSession spark;

    IdiomaticCurateJob(SparkSession spark) {
        this.spark = spark;
    }

    /** Curates the envelopes under {@code ndjson} into {@code output}; returns the rows written. */
    long run(String ndjson, String output) {
        StructType event = new StructType().add("id", DataTypes.StringType).add("timestamp", DataTypes.LongType)
                .add("message", DataTypes.StringType);
        StructType envelope = new StructType().add("messageType", DataTypes.StringType).add("owner", DataTypes.StringType)
                .add("logGroup", DataTypes.StringType).add("logStream", DataTypes.StringType)
                .add("logEvents", DataTypes.createArrayType(event));
        Column[] columns = new Column[FIELDS.length + 4];
        columns[0] = col("e.id").as("id");
        columns[1] = col("e.timestamp").as("timestamp");
        for (int i = 0; i < FIELDS.length; i++) {
            columns[i + 2] = col("f").getItem(i).cast(TYPES[i]).as(FIELDS[i]);
        }
        columns[FIELDS.length + 2] = date_format(timestamp_seconds(col("f").getItem(10).cast("bigint")), "yyyy-MM-dd").as("dt");
        columns[FIELDS.length + 3] = date_format(timestamp_seconds(col("f").getItem(10).cast("bigint")), "HH").as("hr");
        spark.read().schema(envelope).json(ndjson)
                .where(col("messageType").equalTo("DATA_MESSAGE"))
                .select(explode(col("logEvents")).as("e"))
                .select(col("e"), split(col("e.message"), " ").as("f"))
                .select(columns)
                .dropDuplicates("id")
                .write().mode(SaveMode.Overwrite).partitionBy("dt", "hr").parquet(output);
        return spark.read().parquet(output).count();
    }
}
