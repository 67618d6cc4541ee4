package io.tidemark.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DimDateRowTest {
    @Test
    void describesKnownDays() {
        assertThat(DimDateRow.of(LocalDate.of(2026, 11, 25))).isEqualTo(new DimDateRow(
                20261125, 25, 11, "Wednesday", LocalDate.of(2026, 11, 25), 4, 2, 2026, "Autumn", 2026));
        assertThat(DimDateRow.of(LocalDate.of(2024, 2, 29))).isEqualTo(new DimDateRow(
                20240229, 29, 2, "Thursday", LocalDate.of(2024, 2, 29), 1, 1, 2024, "Winter", 2024));
        assertThat(DimDateRow.of(LocalDate.of(2026, 6, 21))).isEqualTo(new DimDateRow(
                20260621, 21, 6, "Sunday", LocalDate.of(2026, 6, 21), 2, 1, 2026, "Summer", 2026));
    }

    @Test
    void usesNorthernMeteorologicalSeasons() {
        assertThat(DimDateRow.of(LocalDate.of(2026, 12, 1)).season()).isEqualTo("Winter");
        assertThat(DimDateRow.of(LocalDate.of(2026, 2, 28)).season()).isEqualTo("Winter");
        assertThat(DimDateRow.of(LocalDate.of(2026, 3, 1)).season()).isEqualTo("Spring");
        assertThat(DimDateRow.of(LocalDate.of(2026, 5, 31)).season()).isEqualTo("Spring");
        assertThat(DimDateRow.of(LocalDate.of(2026, 8, 31)).season()).isEqualTo("Summer");
        assertThat(DimDateRow.of(LocalDate.of(2026, 9, 1)).season()).isEqualTo("Autumn");
        assertThat(DimDateRow.of(LocalDate.of(2026, 11, 30)).season()).isEqualTo("Autumn");
    }

    @Test
    void splitsQuartersAndHalves() {
        assertThat(DimDateRow.of(LocalDate.of(2026, 3, 31)).quarter()).isEqualTo(1);
        assertThat(DimDateRow.of(LocalDate.of(2026, 4, 1)).quarter()).isEqualTo(2);
        assertThat(DimDateRow.of(LocalDate.of(2026, 6, 30)).half()).isEqualTo(1);
        assertThat(DimDateRow.of(LocalDate.of(2026, 7, 1)).half()).isEqualTo(2);
        assertThat(DimDateRow.of(LocalDate.of(2026, 9, 30)).dayOfWeek()).isEqualTo("Wednesday");
    }
}
