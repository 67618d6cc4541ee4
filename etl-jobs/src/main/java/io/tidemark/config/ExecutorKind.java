package io.tidemark.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the scheduler runs a job's CLI commands (the Airflow operator the DAG generator picks). */
public enum ExecutorKind {
    /** {@code ./tidemark ...} on the Airflow worker (BashOperator; the result line is the task's XCom). */
    @JsonProperty("bash") BASH,
    /** {@code spark-submit --class io.tidemark.cli.TidemarkCli JAR ...} in client mode (BashOperator, XCom as above). */
    @JsonProperty("spark_submit") SPARK_SUBMIT,
    /** An EMR step through command-runner.jar (EmrAddStepsOperator + EmrStepSensor). */
    @JsonProperty("emr") EMR,
    /** A Glue job run with Glue-style job parameters (GlueJobOperator). */
    @JsonProperty("glue") GLUE
}
