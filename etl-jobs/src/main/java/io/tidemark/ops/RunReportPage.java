package io.tidemark.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The HTML page of {@code tidemark report}: one self-contained file (ECharts inlined from its webjar, no network)
 * with charts of rows, quarantine reasons, durations and quality checks per window, and a table of the windows.
 * Once every chart has rendered, the page sets {@code data-charts-rendered} on its {@code <html>} element.
 */
public final class RunReportPage {
    /** The ECharts build inlined into the page (org.webjars.npm:echarts, the pom's echarts.version). */
    public static final String ECHARTS_RESOURCE = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    /** The charts the page draws, by element id. */
    public static final List<String> CHARTS = List.of("chart-rows", "chart-quarantine", "chart-duration", "chart-quality");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String echarts;

    private RunReportPage(String echarts) {
        this.echarts = echarts;
    }

    /** The page renderer with ECharts read from the classpath; fails when the webjar is missing. */
    public static RunReportPage withBundledECharts() {
        try (InputStream in = RunReportPage.class.getResourceAsStream(ECHARTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Cannot render the report: " + ECHARTS_RESOURCE
                        + " is not on the classpath (org.webjars.npm:echarts)");
            }
            return new RunReportPage(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page for these runs (oldest first), stamped with the time it was generated. */
    public String render(List<RunRecord> runs, Instant generatedAt) {
        List<Row> rows = new ArrayList<>();
        for (RunRecord run : runs) {
            for (RunResult window : run.windowResults()) {
                rows.add(new Row(run, window));
            }
        }
        StringBuilder html = new StringBuilder(echarts.length() + 64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Tidemark runs</title>\n")
                .append(STYLE)
                .append("<script>\n").append(echarts.replace("</script", "<\\/script")).append("\n</script>\n</head>\n<body>\n")
                .append("<h1>Tidemark runs</h1>\n<p class=\"summary\">")
                .append(runs.size()).append(" runs, ").append(rows.size()).append(" windows; generated ")
                .append(escape(generatedAt.toString())).append(" from <code>_tidemark/runs/</code>.</p>\n");
        if (rows.isEmpty()) {
            html.append("<p>No runs recorded yet: run <code>tidemark run JOB --date yyyy-MM-dd</code> first.</p>\n");
        }
        html.append(chart("chart-rows", "Rows per window"))
                .append(chart("chart-quarantine", "Quarantine reasons"))
                .append(chart("chart-duration", "Duration per window (seconds)"))
                .append(chart("chart-quality", "Quality rules per window"));
        table(html, rows);
        html.append("<script type=\"application/json\" id=\"tidemark-data\">")
                .append(data(rows).replace("</", "<\\/").replace("<!--", "<\\!--"))
                .append("</script>\n<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    private record Row(RunRecord run, RunResult window) {
        String label() {
            return (window.job() == null ? run.command() : window.job()) + (window.window() == null ? "" : " " + window.window());
        }
    }

    private static String chart(String id, String title) {
        return "<section><h2>" + escape(title) + "</h2><div id=\"" + id + "\" class=\"chart\"></div></section>\n";
    }

    private static void table(StringBuilder html, List<Row> rows) {
        html.append("<section><h2>Windows</h2>\n<table>\n<thead><tr><th>ended</th><th>command</th><th>job</th><th>window</th>"
                + "<th>status</th><th>objects</th><th>rows in</th><th>out</th><th>duplicate</th><th>quarantined</th>"
                + "<th>quarantine reasons</th><th>quality</th><th>duration</th><th>error</th></tr></thead>\n<tbody>\n");
        for (Row row : rows) {
            RunResult w = row.window();
            String reasons = w.quarantinedByReason().entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
            String quality = w.quality().passed() + " passed" + (w.quality().failed().isEmpty() ? ""
                    : ", failed: " + String.join("; ", w.quality().failed()))
                    + (w.quality().warnings().isEmpty() ? "" : ", warnings: " + String.join("; ", w.quality().warnings()));
            String error = w.error() == null ? "" : w.error().code() + ": " + w.error().message();
            html.append("<tr class=\"").append(w.status().name().toLowerCase(java.util.Locale.ROOT)).append("\">");
            for (Object cell : List.of(row.run().recordedAt(), row.run().command(), nullToEmpty(w.job()), nullToEmpty(w.window()),
                    w.status(), w.objects(), w.rowsIn(), w.rowsOut(), w.rowsDuplicate(), w.rowsQuarantined(), reasons, quality,
                    String.format(java.util.Locale.ROOT, "%.1f s", w.durationMs() / 1000.0), error)) {
                html.append("<td>").append(escape(String.valueOf(cell))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static String data(List<Row> rows) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", rows.stream().map(Row::label).toList());
        data.put("rows_out", rows.stream().map(r -> r.window().rowsOut()).toList());
        data.put("rows_duplicate", rows.stream().map(r -> r.window().rowsDuplicate()).toList());
        data.put("rows_quarantined", rows.stream().map(r -> r.window().rowsQuarantined()).toList());
        data.put("duration_s", rows.stream().map(r -> r.window().durationMs() / 1000.0).toList());
        data.put("quality_passed", rows.stream().map(r -> r.window().quality().passed()).toList());
        data.put("quality_failed", rows.stream().map(r -> r.window().quality().failed().size()).toList());
        data.put("quality_warnings", rows.stream().map(r -> r.window().quality().warnings().size()).toList());
        Map<String, Long> reasons = new TreeMap<>();
        rows.forEach(r -> r.window().quarantinedByReason().forEach((k, v) -> reasons.merge(k, v, Long::sum)));
        data.put("reasons", reasons);
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the report data", e);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String STYLE = """
            <style>
            body { font-family: system-ui, sans-serif; margin: 1.5em; color: #222; }
            .chart { width: 100%; max-width: 1100px; height: 320px; }
            table { border-collapse: collapse; font-size: 13px; }
            th, td { border: 1px solid #ccc; padding: 3px 6px; text-align: left; }
            tr.failed td { background: #fde2e2; } tr.skipped td { color: #777; }
            .summary { color: #555; }
            </style>
            """;

    private static final String SCRIPT = """
            (function () {
              var root = document.documentElement;
              if (typeof echarts === 'undefined') { root.setAttribute('data-charts-error', 'echarts did not load'); return; }
              var d = JSON.parse(document.getElementById('tidemark-data').textContent);
              var axis = { type: 'category', data: d.labels, axisLabel: { rotate: 30, fontSize: 10 } };
              var bars = function (name, values, stack, color) {
                return { name: name, type: 'bar', stack: stack, data: values, itemStyle: { color: color } };
              };
              var reasons = Object.keys(d.reasons).map(function (k) { return { name: k, value: d.reasons[k] }; });
              var charts = [
                { id: 'chart-rows', option: { tooltip: { trigger: 'axis' }, legend: {}, xAxis: axis, yAxis: { type: 'value' },
                    series: [bars('out', d.rows_out, 'rows', '#4e79a7'), bars('duplicate', d.rows_duplicate, 'rows', '#bab0ac'),
                             bars('quarantined', d.rows_quarantined, 'rows', '#f28e2b')] } },
                { id: 'chart-quarantine', option: { tooltip: { trigger: 'item' }, legend: { type: 'scroll' },
                    title: reasons.length ? undefined : { text: 'no quarantined rows', left: 'center', top: 'middle' },
                    series: [{ name: 'quarantined rows', type: 'pie', radius: ['35%', '65%'], data: reasons }] } },
                { id: 'chart-duration', option: { tooltip: { trigger: 'axis' }, xAxis: axis, yAxis: { type: 'value', name: 's' },
                    series: [bars('duration', d.duration_s, undefined, '#76b7b2')] } },
                { id: 'chart-quality', option: { tooltip: { trigger: 'axis' }, legend: {}, xAxis: axis, yAxis: { type: 'value' },
                    series: [bars('passed', d.quality_passed, 'checks', '#59a14f'), bars('failed', d.quality_failed, 'checks', '#e15759'),
                        bars('warnings', d.quality_warnings, 'checks', '#f28e2b')] } }
              ];
              var done = 0;
              charts.forEach(function (c) {
                var chart = echarts.init(document.getElementById(c.id), null, { renderer: 'svg' });
                var counted = false;
                chart.on('finished', function () {
                  if (counted) { return; }
                  counted = true;
                  done += 1;
                  if (done === charts.length) { root.setAttribute('data-charts-rendered', String(done)); }
                });
                chart.setOption(Object.assign({ animation: false }, c.option));
              });
            })();
            """;
}
