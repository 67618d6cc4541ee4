package io.tidemark.lake;

import static java.util.Objects.requireNonNull;

import io.tidemark.config.LeaseConfig;
import io.tidemark.ErrorCode;
import io.tidemark.TidemarkException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Leases on lake tables, one per table, shared by every process that writes the lake: a run takes the leases of
 * the tables it merges and publishes, and another process that wants one of them waits until it is released or
 * expires (up to {@link LeaseConfig#waitLimit()}), then fails with {@link ErrorCode#CONCURRENT_RUN} naming the
 * table and the holder. A heartbeat renews the held leases every third of the expiry; a crashed holder's lease
 * lapses after the expiry and the next process takes it over by creating the next generation, which only one
 * process can do ({@link LeaseStore}). A holder that finds its lease taken over stops renewing; {@link Held#verify}
 * then fails, so it does not publish.
 */
public final class TableLeases {
    private static final Duration POLL = Duration.ofMillis(500);
    private final LeaseStore store;
    private final LeaseConfig config;
    private final Clock clock;
    private final PrintStream progress;
    private final String host;
    private final long pid = ProcessHandle.current().pid();

    public TableLeases(LeaseStore store, LeaseConfig config, Clock clock, PrintStream progress) {
        this.store = requireNonNull(store, "store is null");
        this.config = requireNonNull(config, "config is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.host = hostName();
    }

    /**
     * Takes the leases of the given tables ({@code database.table} names), in the given order (callers sort them,
     * so two processes never wait on each other in a cycle); waits for tables another process holds. The heartbeat
     * renews each lease from the moment it is taken, so the ones taken first do not lapse while the run waits for
     * the next table, however long that wait.
     */
    public Held acquire(List<String> tables, String runId) {
        Held held = new Held();
        try {
            for (String table : tables) {
                held.add(acquireOne(table, runId));
            }
        } catch (RuntimeException e) {
            held.close();
            throw e;
        }
        return held;
    }

    private Lease acquireOne(String table, String runId) {
        Instant deadline = clock.instant().plus(config.waitLimit());
        boolean announced = false;
        try {
            while (true) {
                List<Long> generations = store.generations(table);
                long next = 1;
                if (!generations.isEmpty()) {
                    long top = generations.get(generations.size() - 1);
                    Optional<LeaseRecord> current = store.read(table, top);
                    if (current.isEmpty()) {
                        continue; // deleted between listing and reading: look again
                    }
                    Instant now = clock.instant();
                    if (current.get().heldAt(now)) {
                        if (!now.isBefore(deadline)) {
                            throw new TidemarkException(ErrorCode.CONCURRENT_RUN, "Cannot take the lease of table " + table
                                    + ": it is held by " + current.get().describe() + "; waited " + config.waitLimit().toSeconds()
                                    + " s (leases.waitSeconds). Nothing was written; retry when that run has ended");
                        }
                        if (!announced) {
                            progress.printf("tidemark: table %s is leased by %s; waiting up to %d s%n", table,
                                    current.get().describe(), config.waitLimit().toSeconds());
                            announced = true;
                        }
                        sleep(POLL);
                        continue;
                    }
                    next = top + 1;
                }
                Instant now = clock.instant();
                LeaseRecord mine = new LeaseRecord(runId, host, pid, now, now.plus(config.expiry()), false);
                if (store.create(table, next, mine)) {
                    for (long old : generations) {
                        store.delete(table, old); // housekeeping: only the highest generation counts
                    }
                    return new Lease(table, next, mine);
                }
                // another process created that generation first: look again
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot take the lease of table " + table + ": " + e.getMessage(), e);
        }
    }

    private void release(List<Lease> leases) {
        for (int i = leases.size() - 1; i >= 0; i--) {
            Lease lease = leases.get(i);
            try {
                if (isMine(lease)) {
                    store.replace(lease.table, lease.generation, lease.record.releasedAt(clock.instant()));
                }
            } catch (IOException | RuntimeException e) {
                // it lapses after the expiry anyway
                progress.printf("tidemark: cannot release the lease of table %s (it expires at %s): %s%n",
                        lease.table, lease.record.expiresAt(), e.getMessage());
            }
        }
    }

    private boolean isMine(Lease lease) throws IOException {
        List<Long> generations = store.generations(lease.table);
        if (generations.isEmpty() || generations.get(generations.size() - 1) != lease.generation) {
            return false;
        }
        return store.read(lease.table, lease.generation).map(r -> r.sameHolder(lease.record)).orElse(false);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TidemarkException(ErrorCode.CONCURRENT_RUN, "Interrupted while waiting for a table lease", e);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    /** One held generation of a table's lease; {@code record} is what this process last wrote. */
    private static final class Lease {
        final String table;
        final long generation;
        volatile LeaseRecord record;
        volatile boolean lost;

        Lease(String table, long generation, LeaseRecord record) {
            this.table = table;
            this.generation = generation;
            this.record = record;
        }
    }

    /** Leases held, renewed by a heartbeat until {@link #close()} releases them. */
    public final class Held implements AutoCloseable {
        private final List<Lease> leases = new CopyOnWriteArrayList<>();
        private final ScheduledExecutorService heartbeat;

        private Held() {
            this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "tidemark-lease-heartbeat");
                thread.setDaemon(true);
                return thread;
            });
            long period = config.heartbeat().toMillis();
            heartbeat.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
        }

        private void add(Lease lease) {
            leases.add(lease);
        }

        private void renew() {
            for (Lease lease : leases) {
                if (lease.lost) {
                    continue;
                }
                try {
                    if (!isMine(lease) || !lease.record.heldAt(clock.instant())) {
                        lease.lost = true;
                        progress.printf("tidemark: lost the lease of table %s (held since %s): it lapsed or another "
                                + "process took it over%n", lease.table, lease.record.acquiredAt());
                        continue;
                    }
                    LeaseRecord renewed = lease.record.renewedUntil(clock.instant().plus(config.expiry()));
                    store.replace(lease.table, lease.generation, renewed);
                    lease.record = renewed;
                } catch (IOException | RuntimeException e) {
                    // the next beat tries again; the lease lapses only after two more missed beats
                    progress.printf("tidemark: cannot renew the lease of table %s: %s%n", lease.table, e.getMessage());
                }
            }
        }

        /** Fails unless every lease is still this process's and unexpired: call it just before publishing. */
        public void verify() {
            for (Lease lease : leases) {
                boolean mine;
                try {
                    mine = !lease.lost && isMine(lease) && lease.record.heldAt(clock.instant());
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot check the lease of table " + lease.table + ": " + e.getMessage(), e);
                }
                if (!mine) {
                    throw new TidemarkException(ErrorCode.CONCURRENT_RUN, "Cannot publish to table " + lease.table
                            + ": this run's lease on it lapsed or was taken over (raise leases.expirySeconds if the process"
                            + " paused longer than that). Nothing was published for it; retry the run");
                }
            }
        }

        @Override
        public void close() {
            heartbeat.shutdownNow();
            try {
                heartbeat.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release(leases);
        }
    }
}
