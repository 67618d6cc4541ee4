package io.tidemark.sources.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.testing.CollectingSink;
import java.sql.Timestamp;
import java.time.Instant;

/** The sink of the sales CDC parser tests: strict for {@code sales_changes}, every row's change_ts its event time. */
final class ChangeSinks {
    private ChangeSinks() {
    }

    static CollectingSink create() {
        return CollectingSink.of("sales_changes")
                .checking(row -> assertThat(row.get("change_ts")).isEqualTo(Timestamp.from(row.eventTime())));
    }

    static Timestamp ts(String iso) {
        return Timestamp.from(Instant.parse(iso));
    }
}
