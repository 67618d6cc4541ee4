package io.tidemark.bench;

import io.tidemark.catalog.TableRef;
import io.tidemark.config.JobSpec;
import io.tidemark.jobs.RunIds;
import io.tidemark.landing.LandingObject;
import io.tidemark.landing.LandingWindow;
import io.tidemark.landing.Ledger;
import io.tidemark.landing.LedgerEntry;
import io.tidemark.landing.ObjectDiscovery;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Past hourly runs of a job, recorded as they leave the lake when a rerun is all that is measured: one ledger file
 * per landing hour holding every object listed in that hour (written by {@link Ledger#commit}), and, per curated
 * dataset, the hour's partitions registered in the catalog. The partitions point at a template version written
 * by a real run and are added with plain {@code ADD IF NOT EXISTS PARTITION} statements of 100 (a rerun with
 * nothing new reads no partition; they are there so that any per-partition catalog work a rerun did would show).
 */
final class LakeHistory {
    private static final int PARTITIONS_PER_STATEMENT = 100;

    private final SparkSession spark;
    private final Ledger ledger;
    private final ObjectDiscovery discovery;
    private final String landingRoot;

    LakeHistory(SparkSession spark, Ledger ledger, ObjectDiscovery discovery, String landingRoot) {
        this.spark = spark;
        this.ledger = ledger;
        this.discovery = discovery;
        this.landingRoot = landingRoot;
    }

    /**
     * Records the hours of the given days, skipping {@code realWindow} (already curated for real).
     *
     * @param templates per curated table, the location its partitions are registered at
     */
    void record(JobSpec spec, LocalDate from, int days, LandingWindow realWindow, Map<TableRef, String> templates) {
        List<String> partitions = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            LocalDate date = from.plusDays(day);
            for (int hour = 0; hour < 24; hour++) {
                LandingWindow window = LandingWindow.hour(date, hour);
                partitions.add(String.format("`dt`='%s', `hr`='%02d'", date, hour));
                if (window.equals(realWindow)) {
                    continue;
                }
                String runId = RunIds.next(date.atTime(hour, 5).toInstant(ZoneOffset.UTC));
                List<LedgerEntry> entries = new ArrayList<>();
                for (LandingObject object : discovery.list(landingRoot, spec, window)) {
                    entries.add(new LedgerEntry(object.uri(), object.size(), object.version(), null, runId, window.label(), List.of(), null));
                }
                ledger.commit(window, runId, entries);
            }
        }
        for (Map.Entry<TableRef, String> template : templates.entrySet()) {
            String location = template.getValue().replace("'", "\\'");
            for (int start = 0; start < partitions.size(); start += PARTITIONS_PER_STATEMENT) {
                StringBuilder sql = new StringBuilder("ALTER TABLE " + template.getKey().quoted() + " ADD IF NOT EXISTS");
                for (String partition : partitions.subList(start, Math.min(partitions.size(), start + PARTITIONS_PER_STATEMENT))) {
                    sql.append(" PARTITION (").append(partition).append(") LOCATION '").append(location).append("'");
                }
                spark.sql(sql.toString());
            }
        }
    }
}
