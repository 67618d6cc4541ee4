package io.tidemark.landing;

/**
 * Why a run runs: the schedule (an hourly or nightly window), or a backfill over a range. The ledger marks the
 * objects a backfill processed with the backfill's range, so they are told apart from the schedule's; nothing
 * else differs (there is no time watermark for a backfill to move: see {@link Ledger}).
 *
 * @param backfill the backfill's range ({@code 2026-11-20..2026-11-24}), or null for a scheduled run
 */
public record RunOrigin(String backfill) {
    public static final RunOrigin SCHEDULED = new RunOrigin(null);

    public static RunOrigin backfill(String range) {
        return new RunOrigin(java.util.Objects.requireNonNull(range, "range is null"));
    }
}
