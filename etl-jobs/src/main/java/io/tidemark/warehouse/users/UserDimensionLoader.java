package io.tidemark.warehouse.users;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import io.tidemark.warehouse.AuditedLoad;
import io.tidemark.warehouse.AuditedLoadResult;
import io.tidemark.warehouse.DatasetStaging;
import io.tidemark.warehouse.DeterministicKey;
import io.tidemark.warehouse.LoadAudit;
import io.tidemark.warehouse.StagedRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Loads one users_ref snapshot into {@code dim_user} (SCD type 2) in one audited transaction ({@link AuditedLoad}).
 * The snapshot is staged with the warehouse's {@link DatasetStaging} (Spark computes the keys, nothing passes through
 * driver memory) and the change detection runs in SQL on the staged rows: a user new in the snapshot, or whose gender or segment_id differs from its current version, has that version
 * closed ({@code valid_to} = the snapshot's midnight UTC, {@code is_current} false) and a new one opened
 * ({@code valid_from} = that midnight, {@code valid_to} 9999-12-31, {@code is_current} true, {@code user_key} =
 * {@link DeterministicKey} of user_id and the snapshot date).
 *
 * <p>Rules where SCD2 leaves a choice:
 * <ul>
 *   <li>The same snapshot again: its load id is in the audit table, nothing happens. The same snapshot date with
 *       other content (a republished partition): versions that date opened take the new attributes in place.</li>
 *   <li>A user missing from a snapshot keeps its current version: a snapshot adds and changes, it never deletes.</li>
 *   <li>A snapshot older than one already loaded is refused with an {@link IllegalStateException} before anything
 *       changes: applying it would close versions that a newer snapshot opened and corrupt the history. To rebuild,
 *       empty {@code dim_user} and its audit rows and load the snapshots in date order.</li>
 * </ul>
 */
public final class UserDimensionLoader {
    public static final String DATASET = "dim_user";

    private static final String LOAD_SQL = "/sql/redshift/load/dim_user/";
    private static final List<String> TOUCHED_TABLES = List.of("dim_user", "etl_load_audit");
    private static final String STAGE_TABLE = "stage_users";
    private static final UserDefinedFunction USER_KEY = udf((UDF2<Long, String, Long>)
            (userId, snapshotDate) -> DeterministicKey.of(Long.toString(userId), snapshotDate), DataTypes.LongType);

    private final AuditedLoad audited;
    private final DatasetStaging staging;
    private final String findLoadedSnapshots;
    private final String createStage;
    private final String countRepeatedUsers;
    private final String correctSameDayVersions;
    private final String createStageChanges;
    private final String closeCurrentVersions;
    private final String openVersions;

    /** @param staging how the snapshot reaches the warehouse ({@code DialectStaging.datasets}) */
    public UserDimensionLoader(AuditedLoad audited, DatasetStaging staging) {
        this.audited = Objects.requireNonNull(audited, "audited is null");
        this.staging = Objects.requireNonNull(staging, "staging is null");
        this.findLoadedSnapshots = audited.sql(LOAD_SQL + "05_find_loaded_snapshots.sql");
        this.createStage = audited.sql(LOAD_SQL + "10_create_stage_users.sql");
        this.countRepeatedUsers = audited.sql(LOAD_SQL + "20_count_repeated_users.sql");
        this.correctSameDayVersions = audited.sql(LOAD_SQL + "30_correct_same_day_versions.sql");
        this.createStageChanges = audited.sql(LOAD_SQL + "40_create_stage_user_changes.sql");
        this.closeCurrentVersions = audited.sql(LOAD_SQL + "50_close_current_versions.sql");
        this.openVersions = audited.sql(LOAD_SQL + "60_open_versions.sql");
    }

    /**
     * Loads the snapshot, or skips it when its load id is already committed.
     *
     * @throws IllegalStateException the snapshot is older than one already loaded (nothing is changed)
     * @throws SQLException          a non-transient failure, or the last transient one when the attempts are used up
     */
    public AuditedLoadResult load(UserSnapshot snapshot) throws SQLException {
        Objects.requireNonNull(snapshot, "snapshot is null");
        LoadAudit audit = new LoadAudit(DATASET, snapshot.partition(), snapshot.inputChecksum(), snapshot.runId());
        try (StagedRows users = staging.prepare(stagedUsers(snapshot), audit.loadId())) {
            return audited.run(audit, connection -> apply(connection, snapshot.date(), users), TOUCHED_TABLES);
        }
    }

    /** The columns of {@code stage_users}, in order: the key a version opened by this snapshot gets, and the user. */
    private static Dataset<Row> stagedUsers(UserSnapshot snapshot) {
        return snapshot.users().select(
                USER_KEY.apply(col("user_id"), lit(snapshot.date().toString())).as("user_key"),
                col("user_id").cast("long").as("user_id"), col("gender"), col("segment_id").cast("int").as("segment_id"));
    }

    private long apply(Connection connection, LocalDate date, StagedRows users) throws SQLException {
        refuseOlderThanLoaded(connection, date);
        Timestamp midnight = Timestamp.valueOf(date.atStartOfDay());
        long staged;
        try (Statement statement = connection.createStatement()) {
            statement.execute(createStage);
            staged = users.copyInto(connection, STAGE_TABLE);
            requireOneRowPerUser(statement);
        }
        executeWithMidnight(connection, correctSameDayVersions, midnight);
        try (Statement statement = connection.createStatement()) {
            statement.execute(createStageChanges);
        }
        executeWithMidnight(connection, closeCurrentVersions, midnight);
        executeWithMidnight(connection, openVersions, midnight);
        return staged;
    }

    private void refuseOlderThanLoaded(Connection connection, LocalDate date) throws SQLException {
        LocalDate newest = null;
        try (Statement statement = connection.createStatement();
             ResultSet partitions = statement.executeQuery(findLoadedSnapshots)) {
            while (partitions.next()) {
                LocalDate loaded = LocalDate.parse(partitions.getString(1).substring("dt=".length()));
                newest = newest == null || loaded.isAfter(newest) ? loaded : newest;
            }
        }
        if (newest != null && date.isBefore(newest)) {
            throw new IllegalStateException("Cannot load users_ref snapshot dt=" + date + " into " + DATASET
                    + ": the newer snapshot dt=" + newest + " is already loaded, and applying an older one would "
                    + "corrupt the SCD2 history; to rebuild, empty dim_user and its etl_load_audit rows and load the "
                    + "snapshots in date order");
        }
    }

    private void requireOneRowPerUser(Statement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery(countRepeatedUsers)) {
            result.next();
            long repeated = result.getLong(1);
            if (repeated != 0) {
                throw new IllegalStateException("Cannot load " + DATASET + ": the snapshot repeats " + repeated
                        + " user_id(s); expected one row per user");
            }
        }
    }

    private static void executeWithMidnight(Connection connection, String sql, Timestamp midnight) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setTimestamp(1, midnight);
            statement.executeUpdate();
        }
    }
}
