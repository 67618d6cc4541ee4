package io.tidemark.warehouse.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void refusesASourceSeqLongerThanTheTableHolds() {
        assertThatThrownBy(() -> ChangePosition.of(Instant.EPOCH, "x".repeat(513), KEY_A))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 512");
    }
}
