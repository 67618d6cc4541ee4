package io.tidemark.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One expected {@code dim_user} SCD type 2 version: a new version starts on the first snapshot whose attributes
 * differ from the previous version's.
 *
 * @param validFrom the snapshot date the attributes first appear
 * @param validTo   the next version's validFrom (exclusive end), or null for the current version
 */
public record UserVersion(long userId, String gender, Integer segmentId, LocalDate validFrom, LocalDate validTo,
                          boolean isCurrent) {

    /** The versions of every user over the snapshots, by user then validFrom. */
    static List<UserVersion> of(SortedMap<LocalDate, SortedMap<Long, UserAttributes>> snapshots) {
        SortedMap<Long, List<Map.Entry<LocalDate, UserAttributes>>> changes = new TreeMap<>();
        snapshots.forEach((date, users) -> users.forEach((id, attributes) -> {
            List<Map.Entry<LocalDate, UserAttributes>> versions = changes.computeIfAbsent(id, k -> new ArrayList<>());
            if (versions.isEmpty() || !versions.get(versions.size() - 1).getValue().equals(attributes)) {
                versions.add(Map.entry(date, attributes));
            }
        }));
        List<UserVersion> result = new ArrayList<>();
        changes.forEach((id, versions) -> {
            for (int i = 0; i < versions.size(); i++) {
                boolean current = i == versions.size() - 1;
                UserAttributes a = versions.get(i).getValue();
                result.add(new UserVersion(id, a.gender(), a.segmentId(), versions.get(i).getKey(),
                        current ? null : versions.get(i + 1).getKey(), current));
            }
        });
        return result;
    }
}
