package io.tidemark.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

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
 *                        be curated (default per family, {@link SourceSpec#defaultLateArrivalHorizonDays()}); older
 *                        events are quarantined as {@code TOO_LATE}. Only event families have one: CDC feeds and
 *                        reference data never do (setting it on their jobs is a config error), and objects without an
 *                        arrival time in their key are not subject to it.
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
        OptionalInt familyHorizon = source.defaultLateArrivalHorizonDays();
        if (lateArrivalHorizonDays != null && familyHorizon.isEmpty()) {
            throw new ConfigException("Cannot use lateArrivalHorizonDays of job '" + job + "': its source reads changes or"
                    + " reference data, which are never quarantined as TOO_LATE; remove the key");
        }
        if (lateArrivalHorizonDays == null && familyHorizon.isPresent()) {
            lateArrivalHorizonDays = familyHorizon.getAsInt();
        }
        if (lateArrivalHorizonDays != null && lateArrivalHorizonDays < 1) {
            throw new ConfigException("Cannot use lateArrivalHorizonDays " + lateArrivalHorizonDays + " of job '" + job
                    + "': expected a whole number of days of at least 1");
        }
    }

    /** {@link #lateArrivalHorizonDays()} as a duration; empty for CDC feeds and reference data, which have none. */
    public Optional<Duration> lateArrivalHorizon() {
        return Optional.ofNullable(lateArrivalHorizonDays).map(Duration::ofDays);
    }
}
