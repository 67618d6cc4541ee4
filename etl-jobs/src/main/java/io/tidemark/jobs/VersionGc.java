package io.tidemark.jobs;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.catalog.Catalog;
import io.tidemark.catalog.TableRef;
import io.tidemark.lake.LakeArea;
import io.tidemark.lake.LakeLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Deletes partition versions nobody can read any more. A partition folder under a table's {@code v-<run id>/}
 * folders that the catalog does not reference (superseded by a newer version, or written by a run that died
 * before publishing) is first noted with the time it was seen unreferenced, in
 * {@code <lake>/_tidemark/gc/<database>.<table>.json}; a later collection deletes it once it has been unreferenced
 * for the retention period, so a reader that planned a query on the old version just before it was replaced
 * keeps working for that long, and a version being written right now is never touched. A referenced location is
 * never deleted: the catalog is read again just before deleting. Losing the state file only delays deletion.
 */
public final class VersionGc {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Configuration conf;
    private final Catalog catalog;
    private final LakeLayout layout;
    private final Duration retention;
    private final Clock clock;

    public VersionGc(Configuration conf, Catalog catalog, LakeLayout layout, Duration retention, Clock clock) {
        this.conf = requireNonNull(conf, "conf is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.layout = requireNonNull(layout, "layout is null");
        this.retention = requireNonNull(retention, "retention is null");
        this.clock = requireNonNull(clock, "clock is null");
        if (retention.isNegative()) {
            throw new IllegalArgumentException("Cannot keep old versions for " + retention + ": expected a positive retention");
        }
    }

    /** A table to collect: its catalog name, its lake area ({@link LakeLayout#CURATED} or quarantine) and its partition depth. */
    public record Table(TableRef table, LakeArea area, int partitionColumns) {
    }

    /**
     * What a collection did.
     *
     * @param deleted folders deleted, relative to the lake root
     * @param waiting unreferenced folders kept until their retention ends
     */
    public record Result(List<String> deleted, int waiting) {
        public Result {
            deleted = List.copyOf(deleted);
        }
    }

    public Result collect(Collection<Table> tables) {
        List<String> deleted = new ArrayList<>();
        int waiting = 0;
        for (Table table : tables) {
            try {
                waiting += collect(table, deleted);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot collect old versions of " + table.table() + ": " + e.getMessage(), e);
            }
        }
        return new Result(deleted, waiting);
    }

    private int collect(Table table, List<String> deleted) throws IOException {
        if (!catalog.tableExists(table.table())) {
            return 0;
        }
        Path root = new Path(layout.tableRoot(table.area(), table.table().table()));
        FileSystem fs = FileSystem.get(URI.create(root.toString()), conf);
        FileStatus[] versions = fs.globStatus(new Path(root, "v-*"));
        if (versions == null || versions.length == 0) {
            return 0;
        }
        Set<String> referenced = referenced(fs, table.table());
        String leafPattern = String.join("/", Collections.nCopies(table.partitionColumns(), "*=*"));
        List<String> unreferenced = new ArrayList<>();
        for (FileStatus version : versions) {
            if (!version.isDirectory()) {
                continue;
            }
            FileStatus[] leaves = fs.globStatus(new Path(version.getPath(), leafPattern));
            List<String> units = new ArrayList<>();
            if (leaves == null || leaves.length == 0) {
                units.add(qualified(fs, version.getPath().toString()));
            } else {
                for (FileStatus leaf : leaves) {
                    units.add(qualified(fs, leaf.getPath().toString()));
                }
            }
            units.stream().filter(u -> !isReferenced(u, referenced)).forEach(unreferenced::add);
        }

        Path stateFile = new Path(layout.lakeRoot() + "/_tidemark/gc/" + table.table() + ".json");
        Map<String, String> seen = readState(fs, stateFile);
        Map<String, String> stillWaiting = new TreeMap<>();
        Instant now = clock.instant();
        List<String> due = new ArrayList<>();
        for (String unit : unreferenced) {
            Instant since = Instant.parse(seen.getOrDefault(unit, now.toString()));
            if (!now.isBefore(since.plus(retention))) {
                due.add(unit);
            } else {
                stillWaiting.put(unit, since.toString());
            }
        }
        if (!due.isEmpty()) {
            Set<String> current = referenced(fs, table.table());
            for (String unit : due) {
                if (isReferenced(unit, current)) {
                    continue;
                }
                Path path = new Path(unit);
                if (fs.delete(path, true)) {
                    deleted.add(relative(unit));
                }
                if (!path.getName().startsWith("v-")) {
                    removeEmptyFolders(fs, path, versionOf(path, table.partitionColumns()), leafPattern);
                }
            }
        }
        writeState(fs, stateFile, stillWaiting);
        return stillWaiting.size();
    }

    private Set<String> referenced(FileSystem fs, TableRef table) {
        Set<String> locations = new HashSet<>();
        catalog.allLocations(table).values().forEach(l -> locations.add(qualified(fs, l)));
        return locations;
    }

    private static boolean isReferenced(String unit, Set<String> referenced) {
        for (String location : referenced) {
            if (location.equals(unit) || location.startsWith(unit + "/") || unit.startsWith(location + "/")) {
                return true;
            }
        }
        return false;
    }

    private static Path versionOf(Path leaf, int partitionColumns) {
        Path version = leaf;
        for (int i = 0; i < partitionColumns; i++) {
            version = version.getParent();
        }
        return version;
    }

    /** Deletes the version folder once its last partition is gone, else the partition's emptied parent folders. */
    private static void removeEmptyFolders(FileSystem fs, Path leaf, Path version, String leafPattern) throws IOException {
        FileStatus[] remaining = fs.globStatus(new Path(version, leafPattern));
        if (remaining == null || remaining.length == 0) {
            fs.delete(version, true);
            return;
        }
        for (Path folder = leaf.getParent(); folder != null && !folder.equals(version); folder = folder.getParent()) {
            if (fs.listStatus(folder).length > 0) {
                return;
            }
            fs.delete(folder, false);
        }
    }

    private String relative(String unit) {
        String lake = new Path(layout.lakeRoot()).toUri().getPath();
        String path = new Path(unit).toUri().getPath();
        return path.startsWith(lake + "/") ? path.substring(lake.length() + 1) : unit;
    }

    private static String qualified(FileSystem fs, String location) {
        return fs.makeQualified(new Path(location)).toString();
    }

    private static Map<String, String> readState(FileSystem fs, Path file) {
        try {
            if (!fs.exists(file)) {
                return Map.of();
            }
            try (InputStream in = fs.open(file)) {
                return JSON.readValue(in, new TypeReference<TreeMap<String, String>>() { });
            }
        } catch (IOException e) {
            // unreadable state (a write cut short): start the clocks again, which only delays deletion
            return Map.of();
        }
    }

    private static void writeState(FileSystem fs, Path file, Map<String, String> state) throws IOException {
        if (state.isEmpty()) {
            fs.delete(file, false);
            return;
        }
        Path tmp = new Path(file.getParent(), "." + file.getName() + ".tmp");
        fs.mkdirs(file.getParent());
        try (OutputStream out = fs.create(tmp, true)) {
            out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
        }
        fs.delete(file, false);
        if (!fs.rename(tmp, file)) {
            throw new IOException("rename of " + tmp + " to " + file + " failed");
        }
    }
}
