package io.tidemark.demo;

import io.tidemark.sources.cdc.SalesImage;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The ground truth of a sales CDC landing, aggregated from the generator's plan alone: a planned redelivery is a
 * duplicate, every other planned change a {@code sales_changes} row; the final state applies the stored changes
 * in change time then source position order. The production types appear only as the shape of the expected
 * figures ({@link SalesImage}), never to decide them.
 */
final class SalesCdcTruthBuilder {
    private static final SalesImage KEY_ONLY = new SalesImage(null, null, null, null, null, null, null, null);

    private SalesCdcTruthBuilder() {
    }

    static SalesCdcGroundTruth of(SalesCdcWritten written) {
        TreeMap<String, Long> duplicates = new TreeMap<>();
        TreeMap<String, Long> storedBySource = new TreeMap<>();
        TreeMap<String, Long> byPartition = new TreeMap<>();
        List<PlannedSalesChange> stored = new ArrayList<>();
        for (PlannedSalesChange c : written.changes()) {
            duplicates.merge(c.source(), c.redelivered() ? 1L : 0L, Long::sum);
            if (!c.redelivered()) {
                stored.add(c);
                storedBySource.merge(c.source(), 1L, Long::sum);
                byPartition.merge("dt=" + c.changeTime().atOffset(ZoneOffset.UTC).toLocalDate(), 1L, Long::sum);
            }
        }
        TreeMap<String, Long> byReason = new TreeMap<>();
        TreeMap<String, Long> bySource = new TreeMap<>();
        for (PlannedSalesQuarantine q : written.quarantined()) {
            byReason.merge(q.reason().name(), 1L, Long::sum);
            bySource.merge(q.source(), 1L, Long::sum);
        }
        stored.sort(Comparator.comparing(PlannedSalesChange::changeTime).thenComparing(PlannedSalesChange::sourcePosition));
        TreeMap<String, SalesImage> state = new TreeMap<>();
        Set<String> deleted = new HashSet<>();
        for (PlannedSalesChange c : stored) {
            if (c.op().equals("D")) {
                state.remove(c.saleId());
                deleted.add(c.saleId());
            } else {
                state.put(c.saleId(), image(c.image()));
                deleted.remove(c.saleId());
            }
        }
        return new SalesCdcGroundTruth(written.landingRoot(), written.settings(), written.objects(),
                written.loadWindowDate(), written.changesWritten(), storedBySource, duplicates, byReason, bySource,
                written.tombstones(), byPartition, state, new TreeSet<>(deleted));
    }

    /** The row as the curated columns hold it: the price in currency units. */
    static SalesImage image(SaleRow row) {
        if (row == null) {
            return KEY_ONLY;
        }
        return new SalesImage(row.itemId(), row.category(), Double.parseDouble(row.priceText()), row.quantity(),
                row.orderDate(), row.destinationState(), row.shippingType(), row.referral());
    }
}
