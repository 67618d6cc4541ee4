package io.tidemark.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One job, as described by {@code orchestration/jobs/<job>.json}: what it reads, what it writes, what it loads.
 *
 * @param job             job name, used by the CLI ({@code tidemark run JOB}) and in the ledger
 * @param description     what the job does
 * @param landingPrefix   prefix under the landing root, e.g. {@code cwlogs/}; for the firehose layout the stream's own
 *                        {@code Prefix}, expressions included (a prefix without expressions ends with '/')
 * @param landingLayout   how objects are laid out under the prefix (default {@code firehose})
 * @param errorOutputPrefix the stream's {@code ErrorOutputPrefix} (firehose layout only; optional when the prefix has
 *                        no expressions)
 * @param customTimeZone  the stream's {@code CustomTimeZone}, e.g. {@code Asia/Tokyo} (firehose layout only; default UTC)
 * @param prefixes        the firehose layout's prefixes with Firehose's rules applied (derived; null for other layouts)
 * @param partitionKeyColumns the curated columns carrying the landing prefix's dynamic partitioning keys, one per key
 *                        (derived from the prefix and the optional {@code "partitionKeyColumns"} object, key name to
 *                        column name; default {@code _partition_<key>}); empty without keys
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
        String job,
        String description,
        String landingPrefix,
        LandingLayout landingLayout,
        SourceSpec source,
        List<String> datasets,
        List<String> warehouseModels,
        JobSchedule schedule,
        Integer lateArrivalHorizonDays,
        String errorOutputPrefix,
        String customTimeZone,
        LandingPrefixes prefixes,
        List<PartitionKeyColumn> partitionKeyColumns) {

    public JobSpec {
        SqlIdentifier.require(job, "job");
        description = description == null ? "" : description;
        landingLayout = landingLayout == null ? LandingLayout.FIREHOSE : landingLayout;
        boolean expressions = landingPrefix != null && landingPrefix.contains("!{");
        if (landingPrefix == null || landingPrefix.isBlank() || landingPrefix.startsWith("/")
                || !landingPrefix.endsWith("/") && !(expressions && landingLayout == LandingLayout.FIREHOSE)) {
            throw new ConfigException("Cannot use landingPrefix '" + landingPrefix
                    + "' of job '" + job + "': expected a relative prefix ending with '/', e.g. 'cwlogs/'");
        }
        if (landingLayout != LandingLayout.FIREHOSE && (expressions || errorOutputPrefix != null || customTimeZone != null)) {
            throw new ConfigException("Cannot use landingPrefix '" + landingPrefix + "' of job '" + job + "' with landingLayout "
                    + landingLayout + ": expressions, errorOutputPrefix and customTimeZone are Firehose"
                    + " settings; use landingLayout firehose or remove them");
        }
        if (landingLayout == LandingLayout.FIREHOSE) {
            requireNonNull(prefixes, "prefixes is null (use JobSpec.of)");
        }
        partitionKeyColumns = List.copyOf(partitionKeyColumns == null ? List.of() : partitionKeyColumns);
        requireNonNull(source, "source is null");
        datasets = List.copyOf(datasets == null ? List.of() : datasets);
        datasets.forEach(d -> SqlIdentifier.require(d, "datasets[]"));
        warehouseModels = List.copyOf(warehouseModels == null ? List.of() : warehouseModels);
        schedule = (schedule == null ? JobSchedule.defaults() : schedule).withHourlyDefault(switch (landingLayout) {
            case FIREHOSE -> prefixes.hourly();
            case FLAT -> true;
            case DATED -> false;
        });
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

    /** The spec as read from JSON: the firehose layout's prefixes are parsed here, once, with Firehose's rules. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static JobSpec of(Json json) {
        LandingPrefixes prefixes = (json.landingLayout() == null || json.landingLayout() == LandingLayout.FIREHOSE)
                && json.landingPrefix() != null && json.job() != null
                ? LandingPrefixes.of(json.job(), json.landingPrefix(), json.errorOutputPrefix(), json.customTimeZone()) : null;
        if (prefixes == null && json.partitionKeyColumns() != null) {
            throw new ConfigException("Cannot use partitionKeyColumns of job '" + json.job() + "': partition keys are"
                    + " Firehose prefix expressions; use landingLayout firehose or remove the key");
        }
        List<PartitionKeyColumn> keyColumns = prefixes == null ? List.of()
                : PartitionKeyColumn.of(json.job(), prefixes.data().partitionKeys(), json.partitionKeyColumns());
        return new JobSpec(json.job(), json.description(), json.landingPrefix(), json.landingLayout(), json.source(),
                json.datasets(), json.warehouseModels(), json.schedule(), json.lateArrivalHorizonDays(),
                json.errorOutputPrefix(), json.customTimeZone(), prefixes, keyColumns);
    }

    /** The keys of a job spec file (see the parameters of {@link JobSpec}). */
    record Json(
            @JsonProperty("job") String job,
            @JsonProperty("description") String description,
            @JsonProperty("landingPrefix") String landingPrefix,
            @JsonProperty("landingLayout") LandingLayout landingLayout,
            @JsonProperty("source") SourceSpec source,
            @JsonProperty("datasets") List<String> datasets,
            @JsonProperty("warehouseModels") List<String> warehouseModels,
            @JsonProperty("schedule") JobSchedule schedule,
            @JsonProperty("lateArrivalHorizonDays") Integer lateArrivalHorizonDays,
            @JsonProperty("errorOutputPrefix") String errorOutputPrefix,
            @JsonProperty("customTimeZone") String customTimeZone,
            @JsonProperty("partitionKeyColumns") Map<String, String> partitionKeyColumns) {
    }

    /**
     * True when windows can be arrival hours ({@code run --hour}, {@code backfill --hourly}): a firehose prefix whose
     * timestamp names the hour; false for prefixes whose finest unit is the day and for the other layouts.
     */
    public boolean hasArrivalHours() {
        return landingLayout == LandingLayout.FIREHOSE && prefixes.hourly();
    }

    /** The time zone of the arrival times in keys: the stream's {@code CustomTimeZone}, UTC by default. */
    public ZoneId arrivalZone() {
        return prefixes == null ? ZoneOffset.UTC : prefixes.zone();
    }

    /** Fails with a usage error naming {@code option} unless {@link #hasArrivalHours()}. */
    public void requireArrivalHours(String option) {
        if (!hasArrivalHours()) {
            throw new ConfigException("Cannot use " + option + " with job '" + job + "': " + (landingLayout == LandingLayout.FIREHOSE
                    ? "its landingPrefix '" + landingPrefix + "' names days, not hours (the finest unit of its timestamp is the day)"
                    : "its landing layout " + landingLayout + " has no arrival hours") + "; drop " + option);
        }
    }

    /** {@link #lateArrivalHorizonDays()} as a duration; empty for CDC feeds and reference data, which have none. */
    public Optional<Duration> lateArrivalHorizon() {
        return Optional.ofNullable(lateArrivalHorizonDays).map(Duration::ofDays);
    }
}
