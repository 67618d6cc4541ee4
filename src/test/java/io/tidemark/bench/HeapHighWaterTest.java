package io.tidemark.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeapHighWaterTest {
    private static final int MB = 1 << 20;

    @Test
    void seesHeapThatWasFreedBeforeItAskedAndNeverMoreThanTheHeap() throws InterruptedException {
        try (HeapHighWater heap = new HeapHighWater()) {
            long before = heap.peakBytes();
            byte[][] held = new byte[64][];
            for (int i = 0; i < held.length; i++) {
                held[i] = new byte[MB];
            }
            long holding = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            held = null;
            System.gc();

            // the collectors notify from their own thread, shortly after the collection
            long peak = heap.peakBytes();
            for (int wait = 0; wait < 50 && peak < holding - 8L * MB; wait++) {
                Thread.sleep(100);
                peak = heap.peakBytes();
            }
            assertTrue(peak >= Math.max(before, holding) - 8L * MB, "peak " + peak + " below the " + holding + " bytes in use");
            assertTrue(peak >= 64L * MB, "peak " + peak + " below the 64 MB held");
            assertTrue(peak <= Runtime.getRuntime().maxMemory(), "peak " + peak + " above -Xmx");
        }
    }
}
