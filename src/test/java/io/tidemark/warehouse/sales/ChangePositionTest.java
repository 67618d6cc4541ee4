package io.tidemark.warehouse.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.sources.cdc.SalesChange;
import io.tidemark.sources.cdc.SalesImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChangePositionTest {
    private static final String KEY_A = "a".repeat(64);
    private static final String KEY_B = "b".repeat(64);

    @Test
    void ordersByChangeTimeThenSourceSeqThenChangeKey() {
        Instant t = Instant.parse("2026-11-24T10:00:00Z");
        List<ChangePosition> positions = List.of(
                ChangePosition.of(Instant.parse("1969-12-31T23:59:59.999999Z"), "z", KEY_B),
                ChangePosition.of(t, "x", KEY_A),
                ChangePosition.of(t, "x", KEY_B),
                ChangePosition.of(t, "x0", KEY_A),
                ChangePosition.of(t, "y", KEY_A),
                ChangePosition.of(t, "\u00e9", KEY_A),
                ChangePosition.of(t.plusNanos(1_000), "a", KEY_A));
        List<ChangePosition> shuffled = new ArrayList<>(positions);
        java.util.Collections.shuffle(shuffled, new Random(1));

        shuffled.sort(Comparator.naturalOrder());

        assertThat(shuffled).isEqualTo(positions);
        assertThat(positions).allSatisfy(p -> assertThat(p.value()).matches("[0-9a-f]+"));
    }

    @Test
    void lastChangePerSaleKeepsTheGreatestPositionWhateverTheInputOrder() {
        Instant t = Instant.parse("2026-11-24T10:00:00Z");
        SalesImage image = new SalesImage("I-1", "Books", 1.0, 1, t, "CA", "Standard", null);
        List<SalesChange> changes = new ArrayList<>(List.of(
                new SalesChange("dms", "I", "S1", t, "f:1", image),
                new SalesChange("dms", "D", "S1", t.plusSeconds(1), "f:2", image),
                new SalesChange("dms", "I", "S1", t.plusSeconds(2), "f:3", image),
                new SalesChange("dms", "U", "S2", t, "f:9", image),
                // same change_ts: source_seq compares as a string, so "f:9" is after "f:10"
                new SalesChange("dms", "D", "S2", t, "f:10", image)));
        for (long seed = 0; seed < 5; seed++) {
            java.util.Collections.shuffle(changes, new Random(seed));

            assertThat(LastChangePerSale.of(changes.iterator()))
                    .extracting(c -> c.saleId() + " " + c.op() + " " + c.sourceSeq())
                    .containsExactly("S1 I f:3", "S2 U f:9");
        }
    }

    @Test
    void refusesASourceSeqLongerThanTheTableHolds() {
        assertThatThrownBy(() -> ChangePosition.of(Instant.EPOCH, "x".repeat(513), KEY_A))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 512");
    }
}
