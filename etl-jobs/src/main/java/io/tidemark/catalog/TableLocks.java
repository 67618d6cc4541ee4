package io.tidemark.catalog;

import io.tidemark.lake.TableLeases;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Locks per catalog table. A run holds the locks of its tables from reading the published partitions it merges
 * with to publishing the new versions, and a warehouse load holds them while it reads what is published: two runs
 * that feed the same partition then merge one after the other, and neither overwrites the other's rows. Parsing
 * runs outside the locks.
 *
 * <p>Within one process (one {@code TidemarkRuntime}, e.g. parallel backfill windows) an in-memory lock per table;
 * across processes (the hourly and the nightly DAG at midnight, an Airflow retry beside a timed-out attempt, a
 * backfill beside the schedule) the tables' leases in the lake ({@link TableLeases}), taken after the in-memory
 * locks. Locks and leases are taken in table name order, so two callers never wait on each other in a cycle.
 */
public final class TableLocks {
    private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Optional<TableLeases> leases;

    /** Locks for the runs of this process only (tests, and tools that never share the lake). */
    public TableLocks() {
        this.leases = Optional.empty();
    }

    /** Locks that also hold the tables' leases in the lake, for the runs of every process. */
    public TableLocks(TableLeases leases) {
        this.leases = Optional.of(leases);
    }

    /** Blocks until every given table is locked. */
    public Held acquire(Collection<TableRef> tables) {
        return acquire(tables, "unnamed");
    }

    /**
     * Blocks until every given table is locked and leased (waiting at most the configured lease wait for another
     * process's lease; then it fails with {@code CONCURRENT_RUN}).
     *
     * @param runId the holder, as other processes see it while they wait
     */
    public Held acquire(Collection<TableRef> tables, String runId) {
        List<String> names = List.copyOf(new TreeSet<>(tables.stream().map(TableRef::toString).toList()));
        List<ReentrantLock> taken = new ArrayList<>();
        for (String name : names) {
            ReentrantLock lock = locks.computeIfAbsent(name, n -> new ReentrantLock());
            lock.lock();
            taken.add(lock);
        }
        try {
            return new Held(taken, leases.map(l -> l.acquire(names, runId)));
        } catch (RuntimeException e) {
            unlock(taken);
            throw e;
        }
    }

    private static void unlock(List<ReentrantLock> taken) {
        for (int i = taken.size() - 1; i >= 0; i--) {
            taken.get(i).unlock();
        }
    }

    /** Locks (and leases) held; {@link #close()} releases them. */
    public static final class Held implements AutoCloseable {
        private final List<ReentrantLock> taken;
        private final Optional<TableLeases.Held> leased;

        private Held(List<ReentrantLock> taken, Optional<TableLeases.Held> leased) {
            this.taken = taken;
            this.leased = leased;
        }

        /** Fails with {@code CONCURRENT_RUN} if a lease lapsed or was taken over: call it just before publishing. */
        public void verify() {
            leased.ifPresent(TableLeases.Held::verify);
        }

        @Override
        public void close() {
            try {
                leased.ifPresent(TableLeases.Held::close);
            } finally {
                unlock(taken);
            }
        }
    }
}
