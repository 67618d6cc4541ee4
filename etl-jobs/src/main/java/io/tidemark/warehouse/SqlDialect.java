package io.tidemark.warehouse;

import io.tidemark.config.SqlIdentifier;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The SQL dialect of a warehouse. The Redshift files under {@code sql/redshift/} are the one source of truth:
 * {@link #REDSHIFT} only substitutes the schema, {@link #POSTGRES} also removes the Redshift-only table design
 * (encodings, distribution, sort keys, backup) and maps the Redshift-only types those files use.
 */
public enum SqlDialect {
    REDSHIFT(List.of()),
    POSTGRES(List.of(
            new Rewrite("\\s+ENCODE\\s+\\w+", ""),
            new Rewrite("\\s*\\bDISTSTYLE\\s+\\w+", ""),
            new Rewrite("\\s*\\bDISTKEY\\s*\\([^)]*\\)", ""),
            new Rewrite("\\s*\\b(?:COMPOUND\\s+|INTERLEAVED\\s+)?SORTKEY\\s*(?:\\([^)]*\\)|AUTO\\b)", ""),
            new Rewrite("\\s*\\bBACKUP\\s+(?:YES|NO)\\b", ""),
            // Redshift's VARCHAR(MAX) is VARCHAR(65535); PostgreSQL has no MAX length keyword
            new Rewrite("\\bVARCHAR\\s*\\(\\s*MAX\\s*\\)", "VARCHAR(65535)")));

    /** The placeholder for the schema name in the SQL files. */
    public static final String SCHEMA_PLACEHOLDER = "${schema}";

    private final List<Rewrite> rewrites;

    SqlDialect(List<Rewrite> rewrites) {
        this.rewrites = rewrites;
    }

    /** Renders a Redshift-dialect statement for this dialect, with {@code schema} (validated) in place of the placeholder. */
    public String render(String redshiftSql, String schema) {
        String sql = redshiftSql.replace(SCHEMA_PLACEHOLDER, SqlIdentifier.require(schema, "warehouse.schema"));
        for (Rewrite rewrite : rewrites) {
            sql = rewrite.applyTo(sql);
        }
        return sql;
    }

    /** The dialect of a JDBC URL: {@code jdbc:redshift:} is Redshift, anything else PostgreSQL. */
    public static SqlDialect ofJdbcUrl(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:redshift:") ? REDSHIFT : POSTGRES;
    }

    private record Rewrite(Pattern pattern, String replacement) {
        Rewrite(String regex, String replacement) {
            this(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), replacement);
        }

        String applyTo(String sql) {
            return pattern.matcher(sql).replaceAll(replacement);
        }
    }
}
