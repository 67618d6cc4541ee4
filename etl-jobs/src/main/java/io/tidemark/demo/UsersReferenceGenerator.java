package io.tidemark.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes two deterministic daily user reference snapshots, {@code reference/users/dt=<day>/users.csv} for the first
 * snapshot date and the day after, and returns what they hold. Both have a header and CRLF line ends; the first
 * is {@code user_id,gender,segment_id}, the second lists the columns as {@code segment_id,user_id,gender} and ends
 * with an extra empty line. Genders are {@code female}, {@code male}, {@code unknown}, some quoted, one user's is
 * {@code "undisclosed, opted out"} (a quoted comma); about one user in ten has an empty segment_id. In the second
 * snapshot {@code changedUsers} users change gender or segment and one new user appears.
 */
public final class UsersReferenceGenerator {
    /** Landing prefix of the users reference family, relative to the landing root. */
    public static final String FAMILY = "reference/users";
    private static final String[] GENDERS = {"female", "male", "unknown"};
    static final String QUOTED_COMMA_GENDER = "undisclosed, opted out";

    private final UsersReferenceSettings settings;

    public UsersReferenceGenerator(UsersReferenceSettings settings) {
        this.settings = settings;
    }

    /**
     * @throws IllegalStateException if {@code landingRoot/reference/users/} already holds files
     */
    public UsersReferenceWritten generate(Path landingRoot) throws IOException {
        LandingFiles.refuseNonEmpty(landingRoot.resolve(FAMILY));
        Random random = new Random(settings.seed());
        LocalDate day1 = settings.firstSnapshot();
        LocalDate day2 = day1.plusDays(1);
        SortedMap<Long, UserAttributes> first = new TreeMap<>();
        for (int i = 0; i < settings.users(); i++) {
            String gender = i == 3 ? QUOTED_COMMA_GENDER : GENDERS[random.nextInt(GENDERS.length)];
            first.put(settings.firstUserId() + i, new UserAttributes(gender, segment(random)));
        }
        SortedMap<Long, UserAttributes> second = new TreeMap<>(first);
        List<Long> ids = new ArrayList<>(first.keySet());
        Collections.shuffle(ids, random);
        SortedSet<Long> changed = new TreeSet<>(ids.subList(0, settings.changedUsers()));
        for (long id : changed) {
            UserAttributes before = first.get(id);
            UserAttributes after = before;
            while (after.equals(before)) {
                after = random.nextBoolean()
                        ? new UserAttributes(GENDERS[random.nextInt(GENDERS.length)], before.segmentId())
                        : new UserAttributes(before.gender(), segment(random));
            }
            second.put(id, after);
        }
        long newUser = settings.firstUserId() + settings.users();
        second.put(newUser, new UserAttributes("female", 1 + random.nextInt(8)));

        String key1 = FAMILY + "/dt=" + day1 + "/users.csv";
        String key2 = FAMILY + "/dt=" + day2 + "/users.csv";
        LandingFiles.write(landingRoot, key1, csv(first, false, random).getBytes(StandardCharsets.UTF_8));
        LandingFiles.write(landingRoot, key2, csv(second, true, random).getBytes(StandardCharsets.UTF_8));

        SortedMap<LocalDate, SortedMap<Long, UserAttributes>> snapshots = new TreeMap<>(Map.of(day1, first, day2, second));
        return new UsersReferenceWritten(landingRoot, settings, List.of(key1, key2), snapshots, changed,
                new TreeSet<>(List.of(newUser)));
    }

    private static Integer segment(Random random) {
        return random.nextInt(10) == 0 ? null : 1 + random.nextInt(8);
    }

    /** CRLF rows; the second snapshot reorders the columns and ends with an empty line. */
    private static String csv(SortedMap<Long, UserAttributes> users, boolean reordered, Random random) {
        StringBuilder out = new StringBuilder(reordered ? "segment_id,user_id,gender\r\n" : "user_id,gender,segment_id\r\n");
        users.forEach((id, attributes) -> {
            String gender = attributes.gender();
            String genderField = gender.contains(",") || random.nextInt(5) == 0 ? "\"" + gender + "\"" : gender;
            String segment = attributes.segmentId() == null ? "" : attributes.segmentId().toString();
            if (reordered) {
                out.append(segment).append(',').append(id).append(',').append(genderField);
            } else {
                out.append(id).append(',').append(genderField).append(',').append(segment);
            }
            out.append("\r\n");
        });
        if (reordered) {
            out.append("\r\n");
        }
        return out.toString();
    }
}
