package io.tidemark.conform.evolution;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The column name of a new raw field: lower-cased, every character other than a letter, digit or underscore
 * replaced by an underscore, leading underscores removed (names starting with '_' are Tidemark's lineage
 * columns), and prefixed with {@code f_} when it would start with a digit. Empty when nothing is left.
 */
final class NewColumnName {
    private static final Pattern OTHER = Pattern.compile("[^a-z0-9_]");
    private static final int MAX_LENGTH = 127;

    private NewColumnName() {
    }

    static Optional<String> of(String field) {
        String name = OTHER.matcher(field.toLowerCase(Locale.ROOT)).replaceAll("_").replaceFirst("^_+", "");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (Character.isDigit(name.charAt(0))) {
            name = "f_" + name;
        }
        return name.length() > MAX_LENGTH ? Optional.empty() : Optional.of(name);
    }
}
