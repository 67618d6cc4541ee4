package io.tidemark.warehouse.redshift;

import java.util.regex.Pattern;

/**
 * {@code COPY <stage> FROM '<manifest>' IAM_ROLE '<arn>' FORMAT AS PARQUET MANIFEST}: loads the files a manifest
 * lists into a table, columns by position. The manifest URL and role are checked to be plain literals (no quotes,
 * no whitespace) rather than escaped.
 */
public record RedshiftCopyStatement(String table, String manifestUrl, String iamRole) {
    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    private static final Pattern LITERAL = Pattern.compile("[^'\\\\\\s]+");

    public RedshiftCopyStatement {
        require(TABLE, table, "table");
        require(LITERAL, manifestUrl, "manifest URL");
        require(LITERAL, iamRole, "IAM role");
        if (!manifestUrl.startsWith("s3://")) {
            throw new IllegalArgumentException("Cannot COPY from " + manifestUrl + ": Redshift reads manifests from s3:// URLs");
        }
    }

    public String sql() {
        return "COPY " + table + " FROM '" + manifestUrl + "' IAM_ROLE '" + iamRole + "' FORMAT AS PARQUET MANIFEST";
    }

    private static void require(Pattern pattern, String value, String name) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("Cannot render a Redshift COPY: bad " + name + " '" + value + "'");
        }
    }
}
