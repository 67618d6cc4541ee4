package io.tidemark.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;

/**
 * One job, as described by {@code orchestration/jobs/<job>.json}: what it reads, what it writes, what it loads.
 *
 * @param job             job name, used by the CLI ({@code tidemark run JOB}) and in the ledger
 * @param description     what the job does
 * @param landingPrefix   prefix under the landing root, ending with '/', e.g. {@code cwlogs/}
 * @param landingLayout   how objects are laid out under the prefix (default {@code firehose})
 * @param source          the raw family and its settings
 * @param datasets        curated datasets the job writes (each has {@code schemas/<dataset>.json})
 * @param warehouseModels warehouse models loaded after the lake is published (e.g. {@code flow_hourly})
 * @param schedule        how Airflow schedules the job (optional; see {@link JobSchedule} for the defaults)
 * @param lateArrivalHorizonDays how many days before its object's Firehose arrival time an event may lie and still
 *                        be curated (default {@value #DEFAULT_LATE_ARRIVAL_HORIZON_DAYS}); older events are
 *                        quarantined as {@code TOO_LATE}. Objects without an arrival time in their key (flat and
 *                        dated layouts: DMS, Debezium, reference snapshots) are not subject to it.
 */
public record JobSpec(
        @JsonProperty("job") String job,
        @JsonProperty("description") String description,
        @JsonProperty("landingPrefix") String landingPrefix,
        @JsonProperty("landingLayout") LandingLayout landingLayout,
        @JsonProperty("source") SourceSpec source,
        @JsonProperty("datasets") List<String> datasets,
        @JsonProperty("warehouseModels") List<String> warehouseModels,
        @JsonProperty("schedule") JobSchedule schedule,
        @JsonProperty("lateArrivalHorizonDays") Integer lateArrivalHorizonDays) {

    /** The late-arrival horizon when a spec sets none: a week of redeliveries and replays. */
    public static final int DEFAULT_LATE_ARRIVAL_HORIZON_DAYS = 7;

    public JobSpec {
        SqlIdentifier.require(job, "job");
        description = description == null ? "" : description;
        if (landingPrefix == null || landingPrefix.isBlank() || landingPrefix.startsWith("/") || !landingPrefix.endsWith("/")) {
            throw new ConfigException("Cannot use landingPrefix '" + landingPrefix
                    + "' of job '" + job + "': expected a relative prefix ending with '/', e.g. 'cwlogs/'");
        }
        landingLayout = landingLayout == null ? LandingLayout.FIREHOSE : landingLayout;
        requireNonNull(source, "source is null");
        datasets = List.copyOf(datasets == null ? List.of() : datasets);
        datasets.forEach(d -> SqlIdentifier.require(d, "datasets[]"));
        warehouseModels = List.copyOf(warehouseModels == null ? List.of() : warehouseModels);
        schedule = (schedule == null ? JobSchedule.defaults() : schedule).withHourlyDefault(landingLayout != LandingLayout.DATED);
        lateArrivalHorizonDays = lateArrivalHorizonDays == null ? DEFAULT_LATE_ARRIVAL_HORIZON_DAYS : lateArrivalHorizonDays;
        if (lateArrivalHorizonDays < 1) {
            throw new ConfigException("Cannot use lateArrivalHorizonDays " + lateArrivalHorizonDays + " of job '" + job
                    + "': expected a whole number of days of at least 1");
        }
    }

    /** {@link #lateArrivalHorizonDays()} as a duration. */
    public Duration lateArrivalHorizon() {
        return Duration.ofDays(lateArrivalHorizonDays);
    }
}
