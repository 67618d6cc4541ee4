package io.tidemark.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.testing.WarehouseFixture;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Redshift DDL (the source of truth) against what its PostgreSQL rendering actually creates on the embedded
 * server: for every table the same columns in order with the same types (Redshift's spelling mapped to
 * PostgreSQL's {@code format_type}) and the same primary key; for every view the columns and types its header
 * documents. Adding a column, a type or a key in one dialect only fails here.
 */
class WarehouseDdlDriftTest {
    private static final String SCHEMA = "drift";
    private static final Pattern CREATE_VIEW = Pattern.compile(
            "CREATE\\s+(?:OR\\s+REPLACE\\s+)?VIEW\\s+\\S+\\.(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_COLUMN = Pattern.compile(
            "^--\\s{2,}(\\w+)\\s+(DOUBLE PRECISION|[A-Z]+(?:\\(\\w+(?:,\\s*\\w+)?\\))?)\\b");
    private static final Pattern TYPE = Pattern.compile(
            "^(DOUBLE\\s+PRECISION|\\w+(?:\\s*\\([^)]*\\))?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRIMARY_KEY = Pattern.compile("PRIMARY\\s+KEY\\s*\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);

    @RegisterExtension
    static final WarehouseFixture warehouse = WarehouseFixture.withDdl(SCHEMA);

    @Test
    void everyTableHasTheRedshiftColumnsTypesAndPrimaryKey() throws SQLException {
        List<String> statements = new WarehouseDdl(SqlDialect.REDSHIFT, SCHEMA).statements();
        int tables = 0;
        try (Connection connection = warehouse.connect()) {
            for (String statement : statements) {
                Map<String, List<TableDefinitions.Column>> parsed = TableDefinitions.parse(statement);
                for (Map.Entry<String, List<TableDefinitions.Column>> table : parsed.entrySet()) {
                    String name = table.getKey().substring(SCHEMA.length() + 1);
                    List<String> expected = table.getValue().stream()
                            .map(column -> column.name() + " " + postgresType(fullType(column.definition()))).toList();
                    assertThat(createdColumns(connection, name)).as(name).containsExactlyElementsOf(expected);
                    assertThat(primaryKey(connection, name)).as(name + " primary key").isEqualTo(primaryKeyOf(statement));
                    tables++;
                }
            }
        }
        assertThat(tables).isGreaterThanOrEqualTo(9);
    }

    @Test
    void everyViewHasTheColumnsAndTypesItsHeaderDocuments() throws SQLException {
        int views = 0;
        try (Connection connection = warehouse.connect()) {
            for (String file : WarehouseDdl.FILES) {
                String sql = SqlResource.read(WarehouseDdl.DIRECTORY + file);
                Matcher view = CREATE_VIEW.matcher(sql.replaceAll("--[^\n]*", ""));
                if (!view.find()) {
                    continue;
                }
                List<String> documented = headerColumns(sql);
                assertThat(documented).as(file + " header").isNotEmpty();
                List<String> created = createdColumns(connection, view.group(1));
                assertThat(created).as(file).hasSameSizeAs(documented);
                for (int i = 0; i < created.size(); i++) {
                    String[] doc = documented.get(i).split(" ", 2);
                    assertThat(created.get(i)).as(file + " column " + (i + 1)).startsWith(doc[0] + " " + postgresType(doc[1]));
                }
                views++;
            }
        }
        assertThat(views).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theTypeMappingItselfCanTellTypesApart() {
        assertThat(postgresType("VARCHAR(MAX)")).isEqualTo("character varying(65535)");
        assertThat(postgresType("DOUBLE PRECISION")).isEqualTo("double precision");
        assertThat(postgresType("TIMESTAMP")).isEqualTo("timestamp without time zone");
        assertThat(postgresType("BIGINT")).isNotEqualTo(postgresType("INTEGER"));
    }

    /** Redshift type spelling to PostgreSQL's {@code format_type} (a prefix when the length is not given). */
    private static String postgresType(String redshift) {
        String type = redshift.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")");
        Matcher varchar = Pattern.compile("VARCHAR\\s*\\((\\w+)\\)").matcher(type);
        if (varchar.matches()) {
            return "character varying(" + (varchar.group(1).equals("MAX") ? "65535" : varchar.group(1)) + ")";
        }
        Matcher character = Pattern.compile("(?:CHAR|CHARACTER)\\s*\\((\\d+)\\)").matcher(type);
        if (character.matches()) {
            return "character(" + character.group(1) + ")";
        }
        Matcher decimal = Pattern.compile("(?:DECIMAL|NUMERIC)\\s*\\((\\d+),\\s*(\\d+)\\)").matcher(type);
        if (decimal.matches()) {
            return "numeric(" + decimal.group(1) + "," + decimal.group(2) + ")";
        }
        return switch (type) {
            case "SMALLINT", "INT2" -> "smallint";
            case "INTEGER", "INT", "INT4" -> "integer";
            case "BIGINT", "INT8" -> "bigint";
            case "VARCHAR" -> "character varying";
            case "DECIMAL", "NUMERIC" -> "numeric";
            case "DATE" -> "date";
            case "TIMESTAMP" -> "timestamp without time zone";
            case "BOOLEAN", "BOOL" -> "boolean";
            case "DOUBLE PRECISION", "FLOAT8", "FLOAT" -> "double precision";
            case "REAL", "FLOAT4" -> "real";
            default -> throw new AssertionError("no PostgreSQL mapping for Redshift type " + redshift);
        };
    }

    private static String fullType(String definition) {
        Matcher type = TYPE.matcher(definition);
        if (!type.find()) {
            throw new AssertionError("no type in column definition " + definition);
        }
        return type.group(1);
    }

    /** {@code name TYPE} of every column under the header's {@code -- Columns:} line. */
    private static List<String> headerColumns(String sql) {
        List<String> columns = new ArrayList<>();
        boolean inColumns = false;
        for (String line : sql.split("\n")) {
            if (!line.startsWith("--")) {
                break;
            }
            if (line.startsWith("-- Columns:")) {
                inColumns = true;
                continue;
            }
            Matcher column = HEADER_COLUMN.matcher(line);
            if (inColumns && column.find()) {
                columns.add(column.group(1) + " " + column.group(2));
            }
        }
        return columns;
    }

    private static List<String> createdColumns(Connection connection, String relation) throws SQLException {
        return TableDump.of(connection, "SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
                + "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = '" + SCHEMA + "' AND c.relname = '" + relation + "' AND a.attnum > 0 "
                + "AND NOT a.attisdropped ORDER BY a.attnum");
    }

    private static String primaryKey(Connection connection, String table) throws SQLException {
        return String.join(",", TableDump.of(connection, "SELECT a.attname FROM pg_index i "
                + "JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position) ON true "
                + "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum "
                + "WHERE i.indisprimary AND n.nspname = '" + SCHEMA + "' AND c.relname = '" + table + "' "
                + "ORDER BY k.position"));
    }

    private static String primaryKeyOf(String redshiftStatement) {
        Matcher key = PRIMARY_KEY.matcher(redshiftStatement.replaceAll("--[^\n]*", ""));
        return key.find() ? key.group(1).replaceAll("\\s+", "").replace("\"", "").toLowerCase(Locale.ROOT) : "";
    }
}
