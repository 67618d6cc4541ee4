package io.tidemark.sources;

import io.tidemark.landing.LandingObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups the landed objects of a read into the Spark partitions that parse them: runs of consecutive objects of
 * about {@link #TARGET_BYTES} landed bytes each, at least as many as the parallelism asks for, at most one per object.
 *
 * <p>A partition's parsed rows are one block of the source cache, built in memory and spilled to disk whole when
 * memory runs short. With a fixed number of partitions a window ten times larger made blocks ten times larger, each
 * unrolled on the heap up to the storage memory before it went to disk, and again every time it was read back. Sized
 * by bytes, a larger window makes more blocks of the same size. One object is never split: a single very large
 * object is still one block, unrolled only as far as the storage memory allows and then spilled, like any block.
 */
final class ObjectSlices {
    /**
     * Landed bytes per partition: about 180 MB of cached rows for gzip CloudWatch Logs objects (measured with
     * {@code tidemark bench curate}: 89 MB landed made 1 GB of cache), far less for uncompressed ones.
     */
    static final long TARGET_BYTES = 16L << 20;

    private ObjectSlices() {
    }

    /**
     * @param minSlices   partitions wanted at least (Spark's parallelism times a few, so that cores stay busy)
     * @param targetBytes landed bytes per partition
     * @return the objects in order, grouped; no group is empty
     */
    static List<List<LandingObject>> of(List<LandingObject> objects, int minSlices, long targetBytes) {
        if (objects.isEmpty()) {
            return List.of();
        }
        long total = objects.stream().mapToLong(o -> Math.max(0, o.size())).sum();
        long bySize = targetBytes <= 0 ? 1 : (total + targetBytes - 1) / targetBytes;
        int slices = (int) Math.max(1, Math.min(objects.size(), Math.max(minSlices, bySize)));
        List<List<LandingObject>> groups = new ArrayList<>();
        List<LandingObject> group = new ArrayList<>();
        long before = 0;
        int ordinal = 0;
        int current = 0;
        for (LandingObject object : objects) {
            // an object goes to the slice its first byte falls in (by count when the objects hold no bytes), one slice
            // after another: none is skipped past a large object, and none is left empty while objects remain
            long at = total > 0 ? before * slices / total : (long) ordinal * slices / objects.size();
            int mustReach = slices - (objects.size() - ordinal);
            int slice = (int) Math.max(Math.max(current, mustReach), Math.min(at, current + 1L));
            if (slice != current && !group.isEmpty()) {
                groups.add(group);
                group = new ArrayList<>();
            }
            current = slice;
            group.add(object);
            before += Math.max(0, object.size());
            ordinal++;
        }
        groups.add(group);
        return groups;
    }
}
