package io.tidemark.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How Airflow schedules a job: the optional {@code schedule} object of a job spec. Every key has a default, so a
 * spec without it is scheduled hourly (except daily snapshots) and nightly with the bash executor.
 *
 * @param hourly            run the job in the hourly (intra-day) DAG, one arrival hour per run; default: true,
 *                          except for the {@code dated} layout (daily snapshots), set by {@link JobSpec}
 * @param nightly           run the job in the nightly DAG (compaction, then the warehouse models); default true
 * @param retries           task retries (default 2, at most 10)
 * @param retryDelayMinutes minutes between retries (default 5)
 * @param hourlySlaMinutes  SLA of the hourly tasks, minutes after the end of the data interval (default 50)
 * @param nightlySlaMinutes SLA of the nightly tasks (default 240)
 * @param executor          where the commands run (default: {@code bash} on the Airflow worker)
 */
public record JobSchedule(
        @JsonProperty("hourly") Boolean hourly,
        @JsonProperty("nightly") Boolean nightly,
        @JsonProperty("retries") Integer retries,
        @JsonProperty("retryDelayMinutes") Integer retryDelayMinutes,
        @JsonProperty("hourlySlaMinutes") Integer hourlySlaMinutes,
        @JsonProperty("nightlySlaMinutes") Integer nightlySlaMinutes,
        @JsonProperty("executor") ScheduleExecutor executor) {

    public JobSchedule {
        nightly = nightly == null || nightly;
        retries = range(retries, 2, 0, 10, "retries");
        retryDelayMinutes = range(retryDelayMinutes, 5, 1, 24 * 60, "retryDelayMinutes");
        hourlySlaMinutes = range(hourlySlaMinutes, 50, 1, 24 * 60, "hourlySlaMinutes");
        nightlySlaMinutes = range(nightlySlaMinutes, 240, 1, 24 * 60, "nightlySlaMinutes");
        executor = executor == null ? ScheduleExecutor.defaults() : executor;
    }

    /** The defaults, with {@code hourly} left open for {@link JobSpec} to decide from the layout. */
    public static JobSchedule defaults() {
        return new JobSchedule(null, null, null, null, null, null, null);
    }

    /** This schedule with {@code hourly} set when the spec left it out. */
    JobSchedule withHourlyDefault(boolean defaultHourly) {
        return hourly != null ? this : new JobSchedule(defaultHourly, nightly, retries, retryDelayMinutes,
                hourlySlaMinutes, nightlySlaMinutes, executor);
    }

    private static int range(Integer value, int fallback, int min, int max, String key) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            throw new ConfigException("Cannot use schedule." + key + " " + v + ": expected " + min + " to " + max);
        }
        return v;
    }
}
