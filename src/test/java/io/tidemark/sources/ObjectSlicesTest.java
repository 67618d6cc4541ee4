package io.tidemark.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidemark.landing.LandingObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ObjectSlicesTest {
    private static final long MB = 1L << 20;

    @Test
    void aSmallWindowGetsTheMinimumNumberOfSlicesOfEqualShare() {
        List<LandingObject> objects = objects(100, MB);

        List<List<LandingObject>> slices = ObjectSlices.of(objects, 8, 16 * MB);

        assertEquals(8, slices.size());
        assertInOrderAndComplete(objects, slices);
        slices.forEach(slice -> assertTrue(slice.size() >= 12 && slice.size() <= 13, "slice of " + slice.size()));
    }

    @Test
    void aTenTimesLargerWindowGetsMoreSlicesOfTheSameSize() {
        List<LandingObject> objects = objects(100, 10 * MB);

        List<List<LandingObject>> slices = ObjectSlices.of(objects, 8, 16 * MB);

        assertEquals(63, slices.size(), "1000 MB in slices of 16 MB");
        assertInOrderAndComplete(objects, slices);
        slices.forEach(slice -> assertTrue(bytes(slice) <= 20 * MB, "slice of " + bytes(slice) + " bytes"));
    }

    @Test
    void neverMoreSlicesThanObjects() {
        List<LandingObject> objects = objects(3, 100 * MB);

        List<List<LandingObject>> slices = ObjectSlices.of(objects, 8, 16 * MB);

        assertEquals(3, slices.size());
        slices.forEach(slice -> assertEquals(1, slice.size()));
    }

    @Test
    void aLargeObjectIsAloneAndNoSliceIsEmpty() {
        List<LandingObject> objects = new ArrayList<>();
        objects.add(new LandingObject("s3://b/big", 500 * MB, "etag:big"));
        objects.addAll(objects(20, MB));

        List<List<LandingObject>> slices = ObjectSlices.of(objects, 8, 16 * MB);

        assertEquals(List.of(objects.get(0)), slices.get(0));
        assertEquals(21, slices.size(), "521 MB want 33 slices, 21 objects give at most 21");
        assertInOrderAndComplete(objects, slices);
    }

    @Test
    void emptyObjectsAreSplitByCount() {
        List<LandingObject> objects = objects(10, 0);

        List<List<LandingObject>> slices = ObjectSlices.of(objects, 4, 16 * MB);

        assertEquals(4, slices.size());
        assertInOrderAndComplete(objects, slices);
    }

    @Test
    void noObjectsNoSlices() {
        assertEquals(List.of(), ObjectSlices.of(List.of(), 8, 16 * MB));
    }

    private static void assertInOrderAndComplete(List<LandingObject> objects, List<List<LandingObject>> slices) {
        slices.forEach(slice -> assertTrue(!slice.isEmpty(), "an empty slice"));
        assertEquals(objects, slices.stream().flatMap(List::stream).toList());
    }

    private static long bytes(List<LandingObject> slice) {
        return slice.stream().mapToLong(LandingObject::size).sum();
    }

    private static List<LandingObject> objects(int count, long size) {
        return IntStream.range(0, count).mapToObj(i -> new LandingObject("s3://b/o" + i, size, "etag:" + i)).toList();
    }
}
