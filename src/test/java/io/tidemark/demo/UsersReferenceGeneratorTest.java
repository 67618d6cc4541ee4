package io.tidemark.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.config.UsersReferenceSourceSpec;
import io.tidemark.sources.LandedObject;
import io.tidemark.sources.reference.UsersCsvParser;
import io.tidemark.testing.CollectingSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The users reference generator's ground truth against what the users parser reads from its snapshots. */
class UsersReferenceGeneratorTest {
    @TempDir
    static Path shared;
    static GeneratedUsersReference small;
    static SortedMap<LocalDate, SortedMap<Long, UserAttributes>> read;
    static CollectingSink sink;

    @BeforeAll
    static void generateAndRead() throws IOException {
        small = GeneratedUsersReference.of(new UsersReferenceGenerator(UsersReferenceSettings.small()).generate(shared.resolve("small")));
        sink = new CollectingSink();
        UsersCsvParser parser = new UsersCsvParser(new UsersReferenceSourceSpec(null));
        for (String key : small.keys()) {
            LandedObject object = new LandedObject(small.landingRoot().resolve(key).toUri().toString(), key, null, null,
                    LocalDate.parse("2026-11-30"));
            try (InputStream in = Files.newInputStream(small.landingRoot().resolve(key))) {
                parser.parse(object, in, sink);
            }
        }
        read = new TreeMap<>();
        for (CollectingSink.Row row : sink.rows) {
            LocalDate date = ((Date) row.get(3)).toLocalDate();
            read.computeIfAbsent(date, d -> new TreeMap<>()).putIfAbsent((Long) row.get(0),
                    new UserAttributes((String) row.get(1), (Integer) row.get(2)));
        }
    }

    @Test
    void parsedSnapshotsEqualTheGroundTruth() {
        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.rows).hasSize((int) small.rows());
        assertThat(read).isEqualTo(small.snapshots());
        assertThat(small.keys()).containsExactly("reference/users/dt=2026-11-24/users.csv",
                "reference/users/dt=2026-11-25/users.csv");
        assertThat(small.snapshots().get(LocalDate.parse("2026-11-24"))).hasSize(30);
        assertThat(small.snapshots().get(LocalDate.parse("2026-11-25"))).hasSize(31);
        assertThat(small.snapshots().get(LocalDate.parse("2026-11-24")).values())
                .contains(new UserAttributes(UsersReferenceGenerator.QUOTED_COMMA_GENDER, small.snapshots()
                        .get(LocalDate.parse("2026-11-24")).get(1004L).segmentId()))
                .anyMatch(a -> a.segmentId() == null);
    }

    @Test
    void changesAndNewUserGiveTheScd2Versions() {
        SortedMap<Long, UserAttributes> day1 = small.snapshots().get(LocalDate.parse("2026-11-24"));
        SortedMap<Long, UserAttributes> day2 = small.snapshots().get(LocalDate.parse("2026-11-25"));
        assertThat(small.changedUserIds()).hasSize(3).allSatisfy(id -> assertThat(day2.get(id)).isNotEqualTo(day1.get(id)));
        assertThat(small.newUserIds()).containsExactly(1031L);
        assertThat(small.dimUser()).hasSize(31 + 3);
        long changed = small.changedUserIds().first();
        List<UserVersion> versions = small.dimUser().stream().filter(v -> v.userId() == changed).toList();
        assertThat(versions).containsExactly(
                new UserVersion(changed, day1.get(changed).gender(), day1.get(changed).segmentId(), LocalDate.parse("2026-11-24"),
                        LocalDate.parse("2026-11-25"), false),
                new UserVersion(changed, day2.get(changed).gender(), day2.get(changed).segmentId(), LocalDate.parse("2026-11-25"),
                        null, true));
        assertThat(small.dimUser().stream().filter(v -> v.userId() == 1031L).toList()).singleElement()
                .satisfies(v -> assertThat(v.validFrom()).isEqualTo(LocalDate.parse("2026-11-25")));
    }

    @Test
    void filesCarryTheCsvTraps() throws IOException {
        String day1 = Files.readString(small.landingRoot().resolve(small.keys().get(0)));
        String day2 = Files.readString(small.landingRoot().resolve(small.keys().get(1)));
        assertThat(day1).startsWith("user_id,gender,segment_id\r\n").endsWith("\r\n").doesNotEndWith("\r\n\r\n")
                .contains("\"undisclosed, opted out\"");
        assertThat(day2).startsWith("segment_id,user_id,gender\r\n").endsWith("\r\n\r\n");
        assertThat(day1.replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void deterministicAndRefusesANonEmptyPrefix() throws IOException {
        GeneratedUsersReference again = GeneratedUsersReference.of(new UsersReferenceGenerator(UsersReferenceSettings.small()).generate(shared.resolve("again")));
        assertThat(again.snapshots()).isEqualTo(small.snapshots());
        for (String key : small.keys()) {
            assertThat(Files.readAllBytes(again.landingRoot().resolve(key)))
                    .isEqualTo(Files.readAllBytes(small.landingRoot().resolve(key)));
        }
        assertThatThrownBy(() -> new UsersReferenceGenerator(UsersReferenceSettings.small()).generate(small.landingRoot()))
                .isInstanceOf(IllegalStateException.class);
    }
}
