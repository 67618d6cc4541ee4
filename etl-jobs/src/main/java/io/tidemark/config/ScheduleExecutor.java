package io.tidemark.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a scheduled job's commands run. Ids may be Airflow templates (e.g. {@code {{ var.value.emr_cluster_id }}}),
 * which Airflow renders at run time, never at DAG parse time.
 *
 * @param kind        {@code bash} (default), {@code spark_submit}, {@code emr} or {@code glue}
 * @param jar         the spark-submit jar, for {@code spark_submit} and {@code emr} (an {@code s3://} URI on EMR)
 * @param config      the runtime config file passed as {@code --config} (optional)
 * @param clusterId   the EMR cluster (job flow) id; required for {@code emr}
 * @param glueJobName the Glue job name; required for {@code glue}
 * @param awsConnId   the Airflow connection for EMR and Glue (default {@code aws_default})
 */
public record ScheduleExecutor(
        @JsonProperty("kind") ExecutorKind kind,
        @JsonProperty("jar") String jar,
        @JsonProperty("config") String config,
        @JsonProperty("clusterId") String clusterId,
        @JsonProperty("glueJobName") String glueJobName,
        @JsonProperty("awsConnId") String awsConnId) {

    /** The jar used by {@code spark_submit} and {@code emr} when the spec names none. */
    public static final String DEFAULT_JAR = "s3://tidemark-artifacts/tidemark-spark-submit.jar";

    public ScheduleExecutor {
        kind = kind == null ? ExecutorKind.BASH : kind;
        jar = blankToNull(jar);
        config = blankToNull(config);
        clusterId = blankToNull(clusterId);
        glueJobName = blankToNull(glueJobName);
        awsConnId = awsConnId == null || awsConnId.isBlank() ? "aws_default" : awsConnId;
        if (kind == ExecutorKind.EMR && clusterId == null) {
            throw new ConfigException("Cannot use schedule.executor of kind 'emr': 'clusterId' is required");
        }
        if (kind == ExecutorKind.GLUE && glueJobName == null) {
            throw new ConfigException("Cannot use schedule.executor of kind 'glue': 'glueJobName' is required");
        }
        if (kind != ExecutorKind.EMR && clusterId != null) {
            throw new ConfigException("Cannot use schedule.executor.clusterId with kind '" + name(kind) + "': only 'emr' uses it");
        }
        if (kind != ExecutorKind.GLUE && glueJobName != null) {
            throw new ConfigException("Cannot use schedule.executor.glueJobName with kind '" + name(kind) + "': only 'glue' uses it");
        }
        if ((kind == ExecutorKind.BASH || kind == ExecutorKind.GLUE) && jar != null) {
            throw new ConfigException("Cannot use schedule.executor.jar with kind '" + name(kind)
                    + "': only 'spark_submit' and 'emr' submit a jar");
        }
        if (kind == ExecutorKind.SPARK_SUBMIT || kind == ExecutorKind.EMR) {
            jar = jar == null ? DEFAULT_JAR : jar;
        }
    }

    public static ScheduleExecutor defaults() {
        return new ScheduleExecutor(null, null, null, null, null, null);
    }

    private static String name(ExecutorKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
