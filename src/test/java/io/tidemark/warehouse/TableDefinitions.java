package io.tidemark.warehouse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the column lists of {@code CREATE TABLE} statements, so two renderings can be compared. */
final class TableDefinitions {
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([\\w.]+)\\s*\\(", Pattern.CASE_INSENSITIVE);

    record Column(String name, String definition) {
        /** The type: the definition's first word, with its length or precision if any. */
        String type() {
            Matcher type = Pattern.compile("^\\w+(?:\\s*\\([^)]*\\))?").matcher(definition);
            return type.find() ? type.group().replaceAll("\\s+", "").toUpperCase(Locale.ROOT) : "";
        }
    }

    private TableDefinitions() {
    }

    /** Table name to its columns (constraints such as PRIMARY KEY left out), in declaration order. */
    static Map<String, List<Column>> parse(String sql) {
        Map<String, List<Column>> tables = new LinkedHashMap<>();
        String code = sql.replaceAll("--[^\n]*", "");
        Matcher create = CREATE_TABLE.matcher(code);
        while (create.find()) {
            tables.put(create.group(1).toLowerCase(Locale.ROOT), columns(body(code, create.end())));
        }
        return tables;
    }

    private static String body(String code, int afterOpeningParenthesis) {
        int depth = 1;
        for (int i = afterOpeningParenthesis; i < code.length(); i++) {
            char c = code.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0) {
                return code.substring(afterOpeningParenthesis, i);
            }
        }
        throw new IllegalArgumentException("unbalanced parentheses in " + code);
    }

    private static List<Column> columns(String body) {
        List<Column> columns = new ArrayList<>();
        for (String element : splitTopLevel(body)) {
            String trimmed = element.strip();
            if (trimmed.matches("(?is)(PRIMARY\\s+KEY|UNIQUE|FOREIGN\\s+KEY|CONSTRAINT|CHECK)\\b.*")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+", 2);
            columns.add(new Column(parts[0].replace("\"", "").toLowerCase(Locale.ROOT), parts[1].strip()));
        }
        return columns;
    }

    private static List<String> splitTopLevel(String body) {
        List<String> elements = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                elements.add(body.substring(start, i));
                start = i + 1;
            }
        }
        elements.add(body.substring(start));
        return elements;
    }
}
