package io.tidemark.cli;

import java.io.PrintStream;
import java.sql.SQLException;

/** The few BI queries {@code tidemark demo} prints after loading: from the warehouse and from the lake. */
final class DemoReport {
    private final QueryRunner queries;
    private final PrintStream out;

    DemoReport(QueryRunner queries, PrintStream out) {
        this.queries = queries;
        this.out = out;
    }

    /**
     * Prints every section. A landing with only some families (one Firehose prefix) leaves some warehouse models and
     * lake tables empty or absent: their sections say so in one line instead of failing the demo.
     */
    void print() {
        try {
            section("Curated lake tables (catalog database curated: rows, partitions, rows per landed source object)");
            queries.lakeSummary().print(out, ResultTable.Format.TABLE);

            warehouse("Flows and bytes by day and action (warehouse: fact_flow_hourly joined with dim_date)",
                    "fact_flow_hourly", """
                    SELECT d.d_prettydate AS day, d.d_dayofweek AS weekday, f.action,
                           SUM(f.flows) AS flows, SUM(f.packets) AS packets, SUM(f.bytes) AS bytes
                    FROM fact_flow_hourly f JOIN dim_date d ON d.d_datekey = f.datekey
                    GROUP BY d.d_prettydate, d.d_dayofweek, f.action
                    ORDER BY day, f.action""");

            section("REJECT top talkers (lake: curated.vpc_flow_logs, as Athena would query it)");
            if (queries.lakeHasTable("vpc_flow_logs")) {
                queries.lake("""
                        SELECT srcaddr, count(*) AS flows, sum(packets) AS packets, sum(bytes) AS bytes
                        FROM vpc_flow_logs WHERE action = 'REJECT'
                        GROUP BY srcaddr ORDER BY flows DESC, srcaddr LIMIT 5""").print(out, ResultTable.Format.TABLE);
            } else {
                out.println("(skipped: the lake has no table vpc_flow_logs)");
            }

            warehouse("Rejected traffic per interface and day (warehouse view v_flow_rejects_daily, top 5)",
                    "v_flow_rejects_daily", """
                    SELECT d_prettydate, interface_id, flows, bytes FROM v_flow_rejects_daily
                    ORDER BY flows DESC, interface_id LIMIT 5""");

            warehouse("Article click-through by day (warehouse view v_article_ctr_daily, top 5 by impressions)",
                    "v_article_ctr_daily", """
                    SELECT d_prettydate, article_id, impressions, clicks, ROUND(CAST(ctr AS NUMERIC), 3) AS ctr
                    FROM v_article_ctr_daily
                    ORDER BY impressions DESC, d_prettydate, article_id LIMIT 5""");

            warehouse("E-mail engagement by day and event type (warehouse view v_email_engagement_daily)",
                    "v_email_engagement_daily", """
                    SELECT d_prettydate, event_type, events FROM v_email_engagement_daily
                    ORDER BY d_prettydate, events DESC, event_type""");

            warehouse("GuardDuty findings, latest state (warehouse: fact_security_findings, top 5 by severity)",
                    "fact_security_findings", """
                    SELECT finding_id, finding_type, severity_label, service_count, updated_at
                    FROM fact_security_findings
                    ORDER BY severity DESC, updated_at DESC, finding_id LIMIT 5""");

            // sales views (fact_sales CDC apply)
            warehouse("Total sales by season (warehouse view v_sales_by_season: live sales after CDC)", "v_sales_by_season",
                    "SELECT d_season, total_sales FROM v_sales_by_season ORDER BY d_season");
            warehouse("Total sales by weekday (warehouse view v_sales_by_weekday)", "v_sales_by_weekday",
                    "SELECT d_dayofweek, total_sales FROM v_sales_by_weekday ORDER BY total_sales DESC, d_dayofweek");

            section("Quarantine by job and reason (lake: the quarantine database, one table per job)");
            queries.quarantineSummary().print(out, ResultTable.Format.TABLE);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot print the demo report: " + e.getMessage(), e);
        }
    }

    /** A warehouse section; an empty result says which object no job of the landing fed. */
    private void warehouse(String title, String object, String sql) throws SQLException {
        section(title);
        ResultTable result = queries.warehouse(sql);
        if (result.rows().isEmpty()) {
            out.println("(no rows: no job of this landing fed " + object + ")");
        } else {
            result.print(out, ResultTable.Format.TABLE);
        }
    }

    private void section(String title) {
        out.println();
        out.println("== " + title);
    }
}
