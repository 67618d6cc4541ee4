package io.tidemark.config;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One piece of a parsed Firehose prefix ({@link FirehosePrefix}): literal text, one field of a
 * {@code !{timestamp:...}} pattern, or a value Firehose fills in per object ({@code !{firehose:random-string}},
 * {@code !{firehose:error-output-type}}, {@code !{partitionKeyFromQuery:k}}, {@code !{partitionKeyFromLambda:k}}).
 */
public sealed interface PrefixToken extends Serializable {

    /** Text written as is: literal prefix text and the quoted or punctuation parts of a timestamp pattern. */
    record Text(String text) implements PrefixToken {
        public Text {
            requireNonNull(text, "text is null");
        }
    }

    /**
     * A run of one {@link DateTimeFormatter} pattern letter, e.g. {@code yyyy} or {@code HH}; every field of a prefix
     * evaluates the same instant (the arrival of the object's oldest record) in the stream's time zone.
     */
    record TimeField(String letters) implements PrefixToken {
        /** Letters of fields that change within an hour (minute, second, fractions): never fixed by a window. */
        private static final String FINER_THAN_HOUR = "msSAnN";
        /** Letters of fields that change within a day (hours, am/pm, day periods) besides the finer ones. */
        private static final String WITHIN_DAY = "HkKhaB";

        public TimeField {
            requireNonNull(letters, "letters is null");
            if (letters.isEmpty() || !letters.chars().allMatch(c -> c == letters.charAt(0))) {
                throw new IllegalArgumentException("Cannot use time field '" + letters + "': expected one repeated letter");
            }
        }

        public String format(ZonedDateTime time) {
            return DateTimeFormatter.ofPattern(letters, Locale.ENGLISH).format(time);
        }

        /** True when the value is the same for every instant of one hour. */
        public boolean fixedByHour() {
            return FINER_THAN_HOUR.indexOf(letters.charAt(0)) < 0;
        }

        /** True when the value is the same for every instant of one day. */
        public boolean fixedByDay() {
            return fixedByHour() && WITHIN_DAY.indexOf(letters.charAt(0)) < 0;
        }

        /** True when the field prints exactly {@code letters.length()} digits (e.g. {@code yyyy}, {@code MM}, {@code HH}). */
        public boolean fixedWidthDigits() {
            char letter = letters.charAt(0);
            int count = letters.length();
            return switch (letter) {
                case 'y', 'u' -> count == 2 || count == 4;
                case 'M', 'L', 'd', 'H', 'k', 'K', 'h', 'm', 's' -> count == 2;
                case 'D' -> count == 3;
                case 'S' -> true;
                default -> false;
            };
        }
    }

    /** A value Firehose fills in per object; the key's value is read back, never rendered. */
    record Variable(VariableKind kind, String name) implements PrefixToken {
        public Variable {
            requireNonNull(kind, "kind is null");
            requireNonNull(name, "name is null");
        }

        /** The expression as written in the prefix, e.g. {@code !{partitionKeyFromQuery:customer_id}}. */
        public String expression() {
            return "!{" + kind.namespace() + ":" + name + "}";
        }
    }

    /** The kinds of {@link Variable}. */
    enum VariableKind {
        RANDOM_STRING("firehose"),
        ERROR_OUTPUT_TYPE("firehose"),
        PARTITION_KEY_FROM_QUERY("partitionKeyFromQuery"),
        PARTITION_KEY_FROM_LAMBDA("partitionKeyFromLambda");

        private final String namespace;

        VariableKind(String namespace) {
            this.namespace = namespace;
        }

        public String namespace() {
            return namespace;
        }

        public boolean partitionKey() {
            return this == PARTITION_KEY_FROM_QUERY || this == PARTITION_KEY_FROM_LAMBDA;
        }
    }
}
