package io.tidemark.config;

import java.util.regex.Pattern;

/** SQL identifiers that come from configuration are validated here and never concatenated raw. */
public final class SqlIdentifier {
    private static final Pattern SAFE = Pattern.compile("[a-z_][a-z0-9_]{0,126}");

    private SqlIdentifier() {
    }

    /**
     * Returns {@code value} if it is a plain lower-case identifier (letters, digits, underscores, not starting
     * with a digit, at most 127 characters), otherwise fails naming the setting.
     */
    public static String require(String value, String setting) {
        if (value == null || !SAFE.matcher(value).matches()) {
            throw new ConfigException("Cannot use " + setting + " = '" + value
                    + "': expected a lower-case SQL identifier matching [a-z_][a-z0-9_]*");
        }
        return value;
    }
}
