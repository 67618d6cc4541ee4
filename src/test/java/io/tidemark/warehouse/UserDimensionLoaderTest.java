package io.tidemark.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.demo.GeneratedUsersReference;
import io.tidemark.demo.UserAttributes;
import io.tidemark.demo.UserVersion;
import io.tidemark.demo.UsersReferenceGenerator;
import io.tidemark.demo.UsersReferenceSettings;
import io.tidemark.testing.LocalSpark;
import io.tidemark.testing.WarehouseFixture;
import io.tidemark.warehouse.postgres.PostgresDatasetCopy;
import io.tidemark.warehouse.users.UserDimensionLoader;
import io.tidemark.warehouse.users.UserSnapshot;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * dim_user SCD type 2 on the embedded PostgreSQL, against the users generator's own expected versions. Snapshots are
 * Spark Datasets staged with COPY FROM STDIN, as the users model loads them.
 */
class UserDimensionLoaderTest {
    private static final String SCHEMA = "tidemark";
    private static final RetryPolicy QUICK_RETRIES = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T03:00:00Z"), ZoneOffset.UTC);
    private static final String VERSIONS = "SELECT user_key, user_id, gender, segment_id, valid_from, valid_to, is_current "
            + "FROM tidemark.dim_user ORDER BY user_id, valid_from";

    private static final StructType USERS = DataTypes.createStructType(List.of(
            DataTypes.createStructField("user_id", DataTypes.LongType, false),
            DataTypes.createStructField("gender", DataTypes.StringType, true),
            DataTypes.createStructField("segment_id", DataTypes.IntegerType, true)));

    @TempDir
    static Path workdir;

    @RegisterExtension
    static final WarehouseFixture warehouse = WarehouseFixture.withDdl(SCHEMA);
    private static GeneratedUsersReference users;
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() throws Exception {
        spark = LocalSpark.start(workdir);
        users = GeneratedUsersReference.of(new UsersReferenceGenerator(UsersReferenceSettings.small()).generate(workdir.resolve("landing")));
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @BeforeEach
    void emptyTheLoadedTables() throws SQLException {
        warehouse.truncate("tidemark.dim_user", "tidemark.etl_load_audit");
    }

    @Test
    void snapshotsInDateOrderGiveExactlyTheGeneratorsVersions() throws Exception {
        UserDimensionLoader loader = loader();
        for (Map.Entry<LocalDate, SortedMap<Long, UserAttributes>> snapshot : users.snapshots().entrySet()) {
            assertThat(loader.load(snapshot(snapshot.getKey(), "v1", snapshot.getValue())).loaded()).isTrue();
        }

        assertThat(query(VERSIONS)).isEqualTo(expected(users.dimUser()));
        assertThat(users.changedUserIds()).isNotEmpty();
        assertThat(query("SELECT COUNT(*) FROM tidemark.dim_user WHERE is_current")).containsExactly(
                Integer.toString(users.snapshots().get(users.snapshots().lastKey()).size()));
    }

    @Test
    void rerunningASnapshotAddsNothing() throws Exception {
        UserDimensionLoader loader = loader();
        users.snapshots().forEach((date, snapshot) -> load(loader, snapshot(date, "v1", snapshot)));
        List<String> loaded = query(VERSIONS);
        LocalDate last = users.snapshots().lastKey();

        AuditedLoadResult same = loader.load(snapshot(last, "v1", users.snapshots().get(last)));
        AuditedLoadResult republished = loader.load(snapshot(last, "v2", users.snapshots().get(last)));

        assertThat(same.outcome()).isEqualTo(AuditedLoadResult.Outcome.SKIPPED);
        assertThat(republished.loaded()).isTrue();
        assertThat(query(VERSIONS)).isEqualTo(loaded);
    }

    @Test
    void anOlderSnapshotAfterANewerOneIsRefusedAndChangesNothing() throws Exception {
        UserDimensionLoader loader = loader();
        users.snapshots().forEach((date, snapshot) -> load(loader, snapshot(date, "v1", snapshot)));
        List<String> loaded = query(VERSIONS);
        LocalDate first = users.snapshots().firstKey();

        assertThatThrownBy(() -> loader.load(snapshot(first, "v2", users.snapshots().get(first))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot load users_ref snapshot dt=" + first)
                .hasMessageContaining("the newer snapshot dt=" + users.snapshots().lastKey() + " is already loaded");
        assertThat(query(VERSIONS)).isEqualTo(loaded);
        assertThat(query("SELECT COUNT(*) FROM tidemark.etl_load_audit")).containsExactly("2");
    }

    @Test
    void aUserMissingFromASnapshotKeepsItsCurrentVersionAndASameDayCorrectionReplacesItInPlace() throws Exception {
        UserDimensionLoader loader = loader();
        LocalDate day1 = LocalDate.of(2026, 11, 24);
        LocalDate day2 = day1.plusDays(1);
        loader.load(snapshot(day1, "a", List.of(user(1, "female", 3), user(2, "male", null))));
        loader.load(snapshot(day2, "b", List.of(user(1, null, 3))));
        // day 2 republished with a corrected gender: the version day 2 opened takes it, no new version
        loader.load(snapshot(day2, "c", List.of(user(1, "unknown", 3))));

        assertThat(query("SELECT user_id, gender, segment_id, valid_from, valid_to, is_current FROM tidemark.dim_user "
                + "ORDER BY user_id, valid_from")).containsExactly(
                "1|female|3|2026-11-24 00:00:00.0|2026-11-25 00:00:00.0|false",
                "1|unknown|3|2026-11-25 00:00:00.0|9999-12-31 00:00:00.0|true",
                "2|male|<null>|2026-11-24 00:00:00.0|9999-12-31 00:00:00.0|true");
    }

    @Test
    void factsJoinTheVersionValidAtTheirEventTime() throws Exception {
        UserDimensionLoader loader = loader();
        users.snapshots().forEach((date, snapshot) -> load(loader, snapshot(date, "v1", snapshot)));
        LocalDate first = users.snapshots().firstKey();
        LocalDate second = users.snapshots().lastKey();
        List<String> expected = new ArrayList<>();
        try (Connection connection = warehouse.connect();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE events (user_id BIGINT, event_ts TIMESTAMP)");
            for (long userId : users.changedUserIds()) {
                for (LocalDate day : List.of(first, second)) {
                    statement.execute("INSERT INTO events VALUES (" + userId + ", TIMESTAMP '" + day + " 12:30:00')");
                    UserAttributes attributes = users.snapshots().get(day).get(userId);
                    expected.add(userId + "|" + day + " 12:30:00.0|" + attributes.gender() + "|"
                            + (attributes.segmentId() == null ? "<null>" : attributes.segmentId()));
                }
            }

            assertThat(TableDump.of(connection, """
                    SELECT e.user_id, e.event_ts, u.gender, u.segment_id
                    FROM events e
                    JOIN tidemark.dim_user u ON u.user_id = e.user_id AND u.valid_from <= e.event_ts AND e.event_ts < u.valid_to
                    ORDER BY e.user_id, e.event_ts""")).isEqualTo(expected);
        }
    }

    private static List<String> expected(List<UserVersion> versions) {
        List<String> rows = new ArrayList<>();
        for (UserVersion v : versions) {
            rows.add(String.join("|", Long.toString(DeterministicKey.of(Long.toString(v.userId()), v.validFrom().toString())),
                    Long.toString(v.userId()), v.gender() == null ? "<null>" : v.gender(),
                    v.segmentId() == null ? "<null>" : v.segmentId().toString(), v.validFrom() + " 00:00:00.0",
                    (v.validTo() == null ? "9999-12-31" : v.validTo().toString()) + " 00:00:00.0",
                    Boolean.toString(v.isCurrent())));
        }
        return rows;
    }

    private static UserSnapshot snapshot(LocalDate date, String checksum, Map<Long, UserAttributes> snapshot) {
        Map<Long, UserAttributes> users = new TreeMap<>(snapshot);
        return snapshot(date, checksum, users.entrySet().stream()
                .map(e -> user(e.getKey(), e.getValue().gender(), e.getValue().segmentId())).toList());
    }

    private static UserSnapshot snapshot(LocalDate date, String checksum, List<Row> users) {
        return new UserSnapshot(date, "run", checksum, spark.createDataFrame(users, USERS));
    }

    private static Row user(long userId, String gender, Integer segmentId) {
        return RowFactory.create(userId, gender, segmentId);
    }

    private static void load(UserDimensionLoader loader, UserSnapshot snapshot) {
        try {
            loader.load(snapshot);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UserDimensionLoader loader() {
        return new UserDimensionLoader(new AuditedLoad(WarehouseConnector.embedded(warehouse.server()), SCHEMA, QUICK_RETRIES, CLOCK),
                new PostgresDatasetCopy(WarehouseConnector.embedded(warehouse.server()).endpoint(), SCHEMA));
    }

    private static List<String> query(String sql) throws SQLException {
        try (Connection connection = warehouse.connect()) {
            return TableDump.of(connection, sql);
        }
    }
}
