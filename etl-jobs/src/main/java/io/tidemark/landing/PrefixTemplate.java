package io.tidemark.landing;

import static java.util.Objects.requireNonNull;

import io.tidemark.config.FirehosePrefix;
import io.tidemark.config.PrefixToken;
import io.tidemark.config.PrefixToken.Text;
import io.tidemark.config.PrefixToken.TimeField;
import io.tidemark.config.PrefixToken.Variable;
import io.tidemark.config.PrefixToken.VariableKind;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One Firehose prefix ({@link FirehosePrefix}) evaluated against the landing zone, in the stream's time zone: the
 * globs that hold a window's objects (bounded to the window, never the whole stream), the glob and pattern that
 * find the windows present, and the time, partition-key values and error-output type read back from a key.
 * Globs and keys are relative to the landing root.
 */
public final class PrefixTemplate implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String GLOB_SPECIALS = "\\*?[]{}";

    private final FirehosePrefix prefix;
    private final ZoneId zone;
    private final Pattern key;
    private final List<PrefixToken> keyGroups;

    public PrefixTemplate(FirehosePrefix prefix, ZoneId zone) {
        this.prefix = requireNonNull(prefix, "prefix is null");
        this.zone = requireNonNull(zone, "zone is null");
        this.keyGroups = new ArrayList<>();
        this.key = Pattern.compile("^" + regex(prefix.tokens(), keyGroups) + "(.+)$");
    }

    public FirehosePrefix prefix() {
        return prefix;
    }

    /**
     * Globs whose matches (folders, listed recursively, or objects) hold every object of the window: the prefix
     * evaluated up to its first field that the window does not fix. A day window on an hourly prefix gives one glob
     * for the day when the day's fields come first (e.g. {@code cwlogs/2026/11/24/}), else one per hour.
     */
    public List<String> windowGlobs(LandingWindow window) {
        List<ZonedDateTime> hours = new ArrayList<>();
        if (window.hour().isPresent()) {
            hours.add(ZonedDateTime.of(window.date().atTime(window.hour().getAsInt(), 0), zone));
        } else {
            for (int hour = 0; hour < 24; hour++) {
                hours.add(ZonedDateTime.of(window.date().atTime(hour, 0), zone));
            }
        }
        boolean day = window.hour().isEmpty();
        Set<String> globs = new LinkedHashSet<>();
        for (ZonedDateTime time : hours) {
            Rendered rendered = render(time, day);
            if (day && !rendered.fixedAField()) {
                rendered = render(time, false);
            }
            globs.add(rendered.glob());
        }
        return List.copyOf(globs);
    }

    /**
     * True when {@code fields} (the time read from a key of this prefix) lies in the window; for a prefix coarser
     * than the window (a daily error prefix, an hour window) the object name's arrival time decides, and an object
     * without one belongs to every hour of its day.
     */
    boolean inWindow(KeyFields fields, String key, LandingWindow window) {
        if (!fields.time().toLocalDate().equals(window.date())) {
            return false;
        }
        if (window.hour().isEmpty()) {
            return true;
        }
        if (prefix.hourly()) {
            return fields.time().getHour() == window.hour().getAsInt();
        }
        return FirehoseObjectKey.parse(key, zone)
                .map(k -> k.arrival().atZone(zone).getHour() == window.hour().getAsInt())
                .orElse(true);
    }

    /** The key read back against the prefix: empty when the key was not written under it. */
    public Optional<KeyFields> match(String objectKey) {
        Matcher m = key.matcher(objectKey);
        if (!m.matches()) {
            return Optional.empty();
        }
        List<String> times = new ArrayList<>();
        Map<String, String> partitions = new LinkedHashMap<>();
        String errorOutputType = null;
        for (int i = 0; i < keyGroups.size(); i++) {
            String value = m.group(i + 1);
            PrefixToken group = keyGroups.get(i);
            if (group instanceof TimeField) {
                times.add(value);
            } else if (group instanceof Variable v && v.kind() == VariableKind.ERROR_OUTPUT_TYPE) {
                errorOutputType = value;
            } else if (group instanceof Variable v && v.kind().partitionKey()) {
                String seen = partitions.putIfAbsent(v.name(), value);
                if (seen != null && !seen.equals(value)) {
                    return Optional.empty();
                }
            }
        }
        Optional<LocalDateTime> time = prefix.resolve(times);
        String type = errorOutputType;
        return time.map(t -> new KeyFields(t, partitions, type));
    }

    /**
     * The glob of the folders (or objects) that name the windows present: the prefix up to the end of the path
     * segment holding its last timestamp field, every field and variable a wildcard.
     */
    public String discoveryGlob() {
        StringBuilder glob = new StringBuilder();
        for (PrefixToken token : discoveryTokens()) {
            if (token instanceof Text t) {
                glob.append(escape(t.text()));
            } else if (token instanceof TimeField f) {
                glob.append(f.fixedWidthDigits() ? "[0-9]".repeat(f.letters().length()) : "*");
            } else {
                glob.append(variableGlob((Variable) token));
            }
        }
        return endsInSegment() ? glob + "*" : glob.toString();
    }

    /** The time named by a path that {@link #discoveryGlob()} matched, or empty when it is not one of the prefix's times. */
    public Optional<LocalDateTime> discoveredTime(String path) {
        List<PrefixToken> groups = new ArrayList<>();
        Pattern pattern = Pattern.compile("^" + regex(discoveryTokens(), groups) + (endsInSegment() ? "[^/]*" : "") + "/?$");
        Matcher m = pattern.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        List<String> times = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i) instanceof TimeField) {
                times.add(m.group(i + 1));
            }
        }
        return prefix.resolve(times);
    }

    /** The tokens up to the last timestamp field, then literal text up to (not including) the next '/'. */
    private List<PrefixToken> discoveryTokens() {
        List<PrefixToken> tokens = prefix.tokens();
        int last = lastTimeField();
        List<PrefixToken> kept = new ArrayList<>(tokens.subList(0, last + 1));
        for (int i = last + 1; i < tokens.size(); i++) {
            if (!(tokens.get(i) instanceof Text text)) {
                break;
            }
            int slash = text.text().indexOf('/');
            if (slash >= 0) {
                kept.add(new Text(text.text().substring(0, slash)));
                return kept;
            }
            kept.add(text);
        }
        return kept;
    }

    /** True when no '/' follows the last timestamp field: the windows are named by objects or folder-name starts. */
    private boolean endsInSegment() {
        List<PrefixToken> tokens = prefix.tokens();
        int last = lastTimeField();
        for (int i = last + 1; i < tokens.size(); i++) {
            if (!(tokens.get(i) instanceof Text text)) {
                return true;
            }
            if (text.text().indexOf('/') >= 0) {
                return false;
            }
        }
        return true;
    }

    private int lastTimeField() {
        List<PrefixToken> tokens = prefix.tokens();
        int last = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i) instanceof TimeField) {
                last = i;
            }
        }
        return last;
    }

    private Rendered render(ZonedDateTime time, boolean day) {
        StringBuilder glob = new StringBuilder();
        boolean fixedAField = false;
        for (PrefixToken token : prefix.tokens()) {
            if (token instanceof TimeField f && !(day ? f.fixedByDay() : f.fixedByHour())) {
                break;
            }
            if (token instanceof Text t) {
                glob.append(escape(t.text()));
            } else if (token instanceof TimeField f) {
                glob.append(escape(f.format(time)));
                fixedAField = true;
            } else {
                glob.append(variableGlob((Variable) token));
            }
        }
        String text = glob.toString();
        return new Rendered(text.endsWith("/") || text.isEmpty() ? text : text + "*", fixedAField);
    }

    private static String variableGlob(Variable variable) {
        return variable.kind() == VariableKind.ERROR_OUTPUT_TYPE
                ? "{" + String.join(",", ObjectDiscovery.ERROR_OUTPUT_FOLDERS) + "}" : "*";
    }

    /** An error-output type reads back only as one of the types Firehose writes (as the glob lists them). */
    private static String variableRegex(Variable variable) {
        return variable.kind() == VariableKind.ERROR_OUTPUT_TYPE
                ? "(" + ObjectDiscovery.ERROR_OUTPUT_FOLDERS.stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")"
                : "([^/]+?)";
    }

    private static String regex(List<PrefixToken> tokens, List<PrefixToken> groups) {
        StringBuilder regex = new StringBuilder();
        for (PrefixToken token : tokens) {
            if (token instanceof Text t) {
                regex.append(Pattern.quote(t.text()));
            } else if (token instanceof TimeField f) {
                regex.append(f.fixedWidthDigits() ? "(\\d{" + f.letters().length() + "})" : "([^/]+?)");
                groups.add(f);
            } else {
                regex.append(variableRegex((Variable) token));
                groups.add(token);
            }
        }
        return regex.toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (GLOB_SPECIALS.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private record Rendered(String glob, boolean fixedAField) {
    }

    /**
     * What a key says beyond its object name.
     *
     * @param time            the prefix's time (local to the stream's time zone; hour 0 for a daily prefix)
     * @param partitionValues dynamic partitioning key values by key name
     * @param errorOutputType the {@code !{firehose:error-output-type}} value, or null
     */
    public record KeyFields(LocalDateTime time, Map<String, String> partitionValues, String errorOutputType)
            implements Serializable {
        public KeyFields {
            requireNonNull(time, "time is null");
            partitionValues = Map.copyOf(partitionValues);
        }
    }
}
