package io.tidemark.config;

import static java.util.Objects.requireNonNull;

import io.tidemark.config.PrefixToken.Text;
import io.tidemark.config.PrefixToken.TimeField;
import io.tidemark.config.PrefixToken.Variable;
import io.tidemark.config.PrefixToken.VariableKind;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Firehose {@code Prefix} or {@code ErrorOutputPrefix} as the stream's configuration has it, parsed once into
 * {@link PrefixToken}s (FORMATS.md "Custom prefix expressions"): {@code !{timestamp:<DateTimeFormatter pattern>}},
 * {@code !{firehose:random-string}}, {@code !{firehose:error-output-type}}, {@code !{partitionKeyFromQuery:k}} and
 * {@code !{partitionKeyFromLambda:k}} between literal text. Expressions Firehose would reject fail here with a
 * {@link ConfigException} naming the setting and the expression.
 *
 * @param text          the prefix as written
 * @param tokens        the prefix as tokens, timestamp patterns split into fields and literal text
 * @param hasTimestamp  whether the prefix has a {@code timestamp} expression
 * @param hasExpressions whether the prefix has any expression
 * @param daily         whether the timestamp fields name the day (year, month and day, or year and day of year)
 * @param hourly        whether they also name the hour of the day
 */
public record FirehosePrefix(String text, List<PrefixToken> tokens, boolean hasTimestamp, boolean hasExpressions,
                             boolean daily, boolean hourly) implements Serializable {
    /** What Firehose appends to a {@code Prefix} without a timestamp expression. */
    public static final String DEFAULT_TIME = "!{timestamp:yyyy/MM/dd/HH/}";
    private static final Pattern KEY_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final String SEPARATOR = "|";
    /** Two instants whose fields differ in every unit from year to hour: a round trip through them shows the unit. */
    private static final List<LocalDateTime> PROBES = List.of(LocalDateTime.of(2026, 11, 24, 3, 0), LocalDateTime.of(2025, 2, 7, 15, 0));

    public FirehosePrefix {
        requireNonNull(text, "text is null");
        tokens = List.copyOf(tokens);
    }

    /** Parses {@code text}, the value of {@code setting} (named in errors, e.g. {@code landingPrefix of job 'x'}). */
    public static FirehosePrefix parse(String text, String setting) {
        requireNonNull(text, "text is null");
        List<PrefixToken> tokens = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        boolean hasTimestamp = false;
        boolean hasExpressions = false;
        int at = 0;
        while (at < text.length()) {
            if (!text.startsWith("!{", at)) {
                literal.append(text.charAt(at++));
                continue;
            }
            int end = text.indexOf('}', at);
            if (end < 0) {
                throw reject(setting, text.substring(at), "the expression is not closed with '}'");
            }
            String expression = text.substring(at, end + 1);
            String body = text.substring(at + 2, end);
            if (body.contains("!{")) {
                throw reject(setting, expression, "expressions cannot be nested");
            }
            int colon = body.indexOf(':');
            if (colon < 0) {
                throw reject(setting, expression, "expected !{namespace:value}");
            }
            String namespace = body.substring(0, colon);
            String value = body.substring(colon + 1);
            if (value.isEmpty()) {
                throw reject(setting, expression, "the value is empty");
            }
            flush(literal, tokens);
            hasExpressions = true;
            switch (namespace) {
                case "timestamp" -> {
                    hasTimestamp = true;
                    tokens.addAll(timestampTokens(value, setting, expression));
                }
                case "firehose" -> tokens.add(switch (value) {
                    case "random-string" -> new Variable(VariableKind.RANDOM_STRING, value);
                    case "error-output-type" -> new Variable(VariableKind.ERROR_OUTPUT_TYPE, value);
                    default -> throw reject(setting, expression,
                            "the firehose namespace has only 'random-string' and 'error-output-type'");
                });
                case "partitionKeyFromQuery", "partitionKeyFromLambda" -> {
                    if (!KEY_NAME.matcher(value).matches()) {
                        throw reject(setting, expression, "expected a partition key name of letters, digits, '_', '-' or '.'");
                    }
                    tokens.add(new Variable(namespace.equals("partitionKeyFromQuery")
                            ? VariableKind.PARTITION_KEY_FROM_QUERY : VariableKind.PARTITION_KEY_FROM_LAMBDA, value));
                }
                default -> throw reject(setting, expression, "unknown namespace '" + namespace
                        + "'; expected timestamp, firehose, partitionKeyFromQuery or partitionKeyFromLambda");
            }
            at = end + 1;
        }
        flush(literal, tokens);
        List<TimeField> fields = fields(tokens);
        boolean daily = !fields.isEmpty() && PROBES.stream().allMatch(p -> roundTrip(fields, p)
                .filter(t -> t.toLocalDate().equals(p.toLocalDate())).isPresent());
        boolean hourly = daily && PROBES.stream().allMatch(p -> roundTrip(fields, p)
                .filter(t -> t.getHour() == p.getHour()).isPresent());
        return new FirehosePrefix(text, tokens, hasTimestamp, hasExpressions, daily, hourly);
    }

    /** This prefix followed by {@code suffix} (another prefix text, e.g. {@link #DEFAULT_TIME}). */
    public FirehosePrefix append(String suffix, String setting) {
        return parse(text + suffix, setting);
    }

    public boolean contains(VariableKind kind) {
        return tokens.stream().anyMatch(t -> t instanceof Variable v && v.kind() == kind);
    }

    /** The partition key names of the prefix, in order of first use. */
    public List<String> partitionKeys() {
        return tokens.stream().filter(t -> t instanceof Variable v && v.kind().partitionKey())
                .map(t -> ((Variable) t).name()).distinct().toList();
    }

    /** The timestamp fields in order. */
    public List<TimeField> timeFields() {
        return fields(tokens);
    }

    /**
     * The time named by the values of {@link #timeFields()} as read from a key (in the same order): the day, and the
     * hour when the prefix is {@link #hourly()} (else hour 0); empty when the values are not a time of this prefix.
     */
    public Optional<LocalDateTime> resolve(List<String> values) {
        return resolve(fields(tokens), values);
    }

    /** The prefix evaluated at {@code time} with every {@link Variable} as {@code variable} renders it. */
    public String render(ZonedDateTime time, java.util.function.Function<Variable, String> variable) {
        StringBuilder out = new StringBuilder();
        for (PrefixToken token : tokens) {
            if (token instanceof Text t) {
                out.append(t.text());
            } else if (token instanceof TimeField f) {
                out.append(f.format(time));
            } else {
                out.append(variable.apply((Variable) token));
            }
        }
        return out.toString();
    }

    private static Optional<LocalDateTime> roundTrip(List<TimeField> fields, LocalDateTime probe) {
        ZonedDateTime time = probe.atZone(ZoneOffset.UTC);
        return resolve(fields, fields.stream().map(f -> f.format(time)).toList());
    }

    private static Optional<LocalDateTime> resolve(List<TimeField> fields, List<String> values) {
        if (fields.isEmpty() || values.size() != fields.size()) {
            return Optional.empty();
        }
        DateTimeFormatterBuilder pattern = new DateTimeFormatterBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                pattern.appendLiteral(SEPARATOR);
            }
            pattern.appendPattern(fields.get(i).letters());
        }
        DateTimeFormatter formatter = pattern.toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.SMART);
        try {
            TemporalAccessor parsed = formatter.parse(String.join(SEPARATOR, values));
            LocalDate date = parsed.query(TemporalQueries.localDate());
            if (date == null) {
                return Optional.empty();
            }
            int hour = parsed.isSupported(ChronoField.HOUR_OF_DAY) ? parsed.get(ChronoField.HOUR_OF_DAY) : 0;
            return Optional.of(date.atTime(hour, 0));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static List<TimeField> fields(List<PrefixToken> tokens) {
        return tokens.stream().filter(t -> t instanceof TimeField).map(t -> (TimeField) t).toList();
    }

    /** Splits a DateTimeFormatter pattern into fields and literal text, rejecting what Firehose would not evaluate. */
    private static List<PrefixToken> timestampTokens(String pattern, String setting, String expression) {
        try {
            DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).format(ZonedDateTime.of(PROBES.get(0), ZoneOffset.UTC));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw reject(setting, expression, "not a valid Java DateTimeFormatter pattern (" + e.getMessage() + ")");
        }
        List<PrefixToken> tokens = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int at = 0;
        while (at < pattern.length()) {
            char c = pattern.charAt(at);
            if (c == '\'') {
                int i = at + 1;
                if (i < pattern.length() && pattern.charAt(i) == '\'') {
                    literal.append('\'');
                    at = i + 1;
                    continue;
                }
                while (i < pattern.length()) {
                    if (pattern.charAt(i) == '\'') {
                        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                            literal.append('\'');
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    literal.append(pattern.charAt(i++));
                }
                at = i + 1;
            } else if (Character.isLetter(c) && c < 128) {
                if (c == 'p') {
                    throw reject(setting, expression, "Tidemark cannot read keys written with the pad modifier 'p'");
                }
                int end = at;
                while (end < pattern.length() && pattern.charAt(end) == c) {
                    end++;
                }
                flush(literal, tokens);
                tokens.add(new TimeField(pattern.substring(at, end)));
                at = end;
            } else if ("[]{}#".indexOf(c) >= 0) {
                throw reject(setting, expression, "Tidemark cannot read keys written with optional sections or reserved"
                        + " pattern characters ('" + c + "'); quote literal text, e.g. '" + c + "'");
            } else {
                literal.append(c);
                at++;
            }
        }
        flush(literal, tokens);
        return tokens;
    }

    private static void flush(StringBuilder literal, List<PrefixToken> tokens) {
        if (!literal.isEmpty()) {
            tokens.add(new Text(literal.toString()));
            literal.setLength(0);
        }
    }

    static ConfigException reject(String setting, String expression, String reason) {
        return new ConfigException("Cannot use " + setting + ": expression '" + expression + "': " + reason);
    }
}
