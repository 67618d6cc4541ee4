package io.tidemark.warehouse.sales;

import io.tidemark.sources.cdc.SalesChange;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collapses a batch of changes to the last writer per sale_id, by {@link ChangePosition} (change_ts, then
 * source_seq, then change_key). Applying a sale's changes one by one, each a full row image or a delete, ends in
 * the state of its last change, so the collapsed set is what the batch does to the sale; it holds one row per
 * sale_id, as Redshift's MERGE requires. A delete followed by a reinsert in the batch collapses to the reinsert.
 */
public final class LastChangePerSale {
    private LastChangePerSale() {
    }

    /** The last change of every sale in {@code changes}, sorted by sale_id. Reads the iterator once. */
    public static List<SalesChange> of(Iterator<SalesChange> changes) {
        Map<String, Positioned> last = new TreeMap<>();
        while (changes.hasNext()) {
            SalesChange change = changes.next();
            Positioned candidate = new Positioned(change, ChangePosition.of(change));
            last.merge(change.saleId(), candidate, (kept, next) -> next.position().compareTo(kept.position()) > 0 ? next : kept);
        }
        return last.values().stream().map(Positioned::change).toList();
    }

    private record Positioned(SalesChange change, ChangePosition position) {
    }
}
