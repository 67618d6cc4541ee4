package io.tidemark.testing;

import io.tidemark.catalog.TableRef;
import io.tidemark.catalog.hive.HiveCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads the lake the way a user would, through the catalog with Spark SQL, for comparisons in tests. */
public final class LakeState {
    private final SparkSession spark;

    public LakeState(SparkSession spark) {
        this.spark = spark;
    }

    /** Event ids of {@code curated.click_events} per {@code dt=/hr=} partition, sorted, duplicates kept. */
    public Map<String, List<String>> clickIdsByPartition(String database) {
        Map<String, List<String>> ids = new TreeMap<>();
        if (!spark.catalog().tableExists(database, "click_events")) {
            return ids;
        }
        spark.catalog().refreshTable(database + ".click_events");
        for (Row row : spark.sql("SELECT dt, hr, event_id FROM `" + database + "`.click_events ORDER BY event_id").collectAsList()) {
            ids.computeIfAbsent("dt=" + row.getString(0) + "/hr=" + row.getString(1), k -> new ArrayList<>()).add(row.getString(2));
        }
        return ids;
    }

    /** {@link #clickIdsByPartition(String)}, only the partitions of one day. */
    public Map<String, List<String>> clickIdsByPartition(String database, java.time.LocalDate day) {
        Map<String, List<String>> ids = clickIdsByPartition(database);
        ids.keySet().removeIf(k -> !k.startsWith("dt=" + day + "/"));
        return ids;
    }

    /** Every row of a table, as text, sorted: the content a reader sees, lineage included. */
    public List<String> rows(String table) {
        spark.catalog().refreshTable(table);
        return spark.table(table).collectAsList().stream().map(Row::toString).sorted().toList();
    }

    /** Every registered partition of a table with its location. */
    public Map<String, String> locations(TableRef table) {
        Map<String, String> state = new TreeMap<>();
        new HiveCatalog(spark).allLocations(table).forEach((key, location) -> state.put(key.path(), location));
        return state;
    }

    /** Reason codes of a job's quarantine table, with their counts. */
    public Map<String, Long> quarantineReasons(String database, String job) {
        Map<String, Long> reasons = new TreeMap<>();
        if (!spark.catalog().tableExists(database, job)) {
            return reasons;
        }
        spark.catalog().refreshTable(database + "." + job);
        for (Row row : spark.sql("SELECT reason_code, count(*) FROM `" + database + "`.`" + job + "` GROUP BY reason_code").collectAsList()) {
            reasons.put(row.getString(0), row.getLong(1));
        }
        return reasons;
    }
}
