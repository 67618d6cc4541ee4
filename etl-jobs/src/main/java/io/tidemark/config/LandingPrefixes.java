package io.tidemark.config;

import static java.util.Objects.requireNonNull;

import io.tidemark.config.PrefixToken.VariableKind;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Where a Firehose stream writes, with Firehose's own rules applied (FORMATS.md "Custom prefix expressions"):
 * a {@code Prefix} without a timestamp expression gets {@code !{timestamp:yyyy/MM/dd/HH/}} appended; an unset
 * {@code ErrorOutputPrefix} (allowed only when the {@code Prefix} has no expressions) means
 * {@code <Prefix>!{firehose:error-output-type}/} followed by the same time; both are evaluated in the stream's
 * {@code CustomTimeZone}. What Firehose rejects, and prefixes whose timestamp does not name the day (Tidemark
 * needs the day to make windows), fail with a {@link ConfigException} naming the setting and the expression.
 *
 * @param data             the evaluated-prefix template of delivered objects
 * @param errors           the evaluated-prefix template of error output
 * @param zone             the time zone the timestamps (and the object names' times) are written in
 */
public record LandingPrefixes(FirehosePrefix data, FirehosePrefix errors, ZoneId zone) implements Serializable {
    /** Firehose's limit on an evaluated prefix. */
    public static final int MAX_EVALUATED_LENGTH = 512;

    public LandingPrefixes {
        requireNonNull(data, "data is null");
        requireNonNull(errors, "errors is null");
        requireNonNull(zone, "zone is null");
    }

    /**
     * Applies Firehose's rules to a job spec's settings.
     *
     * @param landingPrefix       the stream's {@code Prefix}
     * @param errorOutputPrefix   the stream's {@code ErrorOutputPrefix}, or null when unset
     * @param customTimeZone      the stream's {@code CustomTimeZone} (e.g. {@code Asia/Tokyo}), or null for UTC
     */
    public static LandingPrefixes of(String job, String landingPrefix, String errorOutputPrefix, String customTimeZone) {
        String prefixSetting = "landingPrefix '" + landingPrefix + "' of job '" + job + "'";
        FirehosePrefix prefix = FirehosePrefix.parse(landingPrefix, prefixSetting);
        if (prefix.contains(VariableKind.ERROR_OUTPUT_TYPE)) {
            throw FirehosePrefix.reject(prefixSetting, "!{firehose:error-output-type}",
                    "Firehose allows it only in errorOutputPrefix");
        }
        FirehosePrefix data = prefix.hasTimestamp() ? prefix : prefix.append(FirehosePrefix.DEFAULT_TIME, prefixSetting);

        FirehosePrefix errors;
        if (errorOutputPrefix == null) {
            if (prefix.hasExpressions()) {
                throw new ConfigException("Cannot use " + prefixSetting + " without errorOutputPrefix: Firehose requires an"
                        + " ErrorOutputPrefix when the Prefix has expressions; copy the stream's ErrorOutputPrefix into the spec");
            }
            errors = FirehosePrefix.parse(landingPrefix + "!{firehose:error-output-type}/" + FirehosePrefix.DEFAULT_TIME,
                    prefixSetting);
        } else {
            String errorSetting = "errorOutputPrefix '" + errorOutputPrefix + "' of job '" + job + "'";
            FirehosePrefix given = FirehosePrefix.parse(errorOutputPrefix, errorSetting);
            if (!given.contains(VariableKind.ERROR_OUTPUT_TYPE)) {
                throw new ConfigException("Cannot use " + errorSetting + ": Firehose requires !{firehose:error-output-type}"
                        + " in an ErrorOutputPrefix");
            }
            for (PrefixToken token : given.tokens()) {
                if (token instanceof PrefixToken.Variable v && v.kind().partitionKey()) {
                    throw FirehosePrefix.reject(errorSetting, v.expression(),
                            "Firehose does not allow partition keys in an ErrorOutputPrefix");
                }
            }
            errors = given.hasTimestamp() ? given : given.append(FirehosePrefix.DEFAULT_TIME, errorSetting);
        }
        requireDay(data, prefixSetting);
        requireDay(errors, "errorOutputPrefix of job '" + job + "'");
        requireLength(data, prefixSetting);
        requireLength(errors, "errorOutputPrefix of job '" + job + "'");
        return new LandingPrefixes(data, errors, zone(customTimeZone, job));
    }

    /** True when the data prefix names the hour (windows are hours or days), false for day windows only. */
    public boolean hourly() {
        return data.hourly();
    }

    private static void requireDay(FirehosePrefix prefix, String setting) {
        if (!prefix.daily()) {
            throw new ConfigException("Cannot use " + setting + " (as evaluated: '" + prefix.text() + "'): its timestamp"
                    + " expressions do not name the day; Tidemark makes windows of days or hours and needs the year, month"
                    + " and day, e.g. !{timestamp:yyyy/MM/dd/}");
        }
    }

    private static void requireLength(FirehosePrefix prefix, String setting) {
        String evaluated = prefix.render(LocalDateTime.of(2026, 12, 31, 23, 0).atZone(ZoneOffset.UTC), v -> switch (v.kind()) {
            case RANDOM_STRING -> "x".repeat(11);
            case ERROR_OUTPUT_TYPE -> "AmazonOpenSearchService-failed";
            default -> "";
        });
        if (evaluated.length() > MAX_EVALUATED_LENGTH) {
            throw new ConfigException("Cannot use " + setting + ": it evaluates to " + evaluated.length()
                    + " characters before partition keys; Firehose allows at most " + MAX_EVALUATED_LENGTH);
        }
    }

    private static ZoneId zone(String customTimeZone, String job) {
        if (customTimeZone == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(customTimeZone);
        } catch (DateTimeException e) {
            throw new ConfigException("Cannot use customTimeZone '" + customTimeZone + "' of job '" + job
                    + "': expected a time zone name as Firehose's CustomTimeZone takes, e.g. 'Asia/Tokyo'", e);
        }
    }
}
