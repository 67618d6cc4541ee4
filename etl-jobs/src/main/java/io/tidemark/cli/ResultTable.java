package io.tidemark.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A small query result (column names and rows of values) printed as a table, CSV or JSON lines. */
public record ResultTable(List<String> columns, List<List<Object>> rows) {
    public enum Format { TABLE, CSV, JSON }

    private static final ObjectMapper JSON = new ObjectMapper();

    public ResultTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new ArrayList<>(r))).toList();
    }

    public void print(PrintStream out, Format format) {
        switch (format) {
            case TABLE -> printTable(out);
            case CSV -> printCsv(out);
            case JSON -> printJson(out);
            default -> throw new IllegalArgumentException(format.toString());
        }
    }

    private void printTable(PrintStream out) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = columns.get(i).length();
        }
        for (List<Object> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], text(row.get(i)).length());
            }
        }
        out.println(line(columns.stream().map(c -> (Object) c).toList(), widths, null));
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        out.println(rule);
        for (List<Object> row : rows) {
            out.println(line(row, widths, row));
        }
        out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
    }

    private static String line(List<Object> values, int[] widths, List<Object> typed) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            String text = text(values.get(i));
            boolean number = typed != null && values.get(i) instanceof Number;
            String padded = number ? " ".repeat(widths[i] - text.length()) + text : text + " ".repeat(widths[i] - text.length());
            sb.append(i == 0 ? "" : " | ").append(padded);
        }
        return sb.toString().stripTrailing();
    }

    private void printCsv(PrintStream out) {
        out.println(String.join(",", columns.stream().map(ResultTable::csv).toList()));
        for (List<Object> row : rows) {
            out.println(String.join(",", row.stream().map(v -> v == null ? "" : csv(text(v))).toList()));
        }
    }

    private static String csv(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private void printJson(PrintStream out) {
        for (List<Object> row : rows) {
            ObjectNode node = JSON.createObjectNode();
            for (int i = 0; i < columns.size(); i++) {
                node.set(columns.get(i), JSON.valueToTree(row.get(i) instanceof java.util.Date || row.get(i) instanceof java.time.temporal.Temporal
                        ? text(row.get(i)) : row.get(i)));
            }
            out.println(node);
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
