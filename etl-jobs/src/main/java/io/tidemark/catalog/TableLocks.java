package io.tidemark.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Locks per catalog table, shared by the runs of one process (one {@code TidemarkRuntime}). A run holds the locks
 * of its tables from reading the published partitions it merges with to publishing the new versions, and a
 * warehouse load holds them while it reads what is published: two windows running in parallel that feed the
 * same partition then merge one after the other, and neither overwrites the other's rows. Parsing runs outside
 * the locks. Runs in separate processes are not coordinated: schedule one task per job and window.
 */
public final class TableLocks {
    private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** Blocks until every given table is locked; locks are taken in name order, so two callers never deadlock. */
    public Held acquire(Collection<TableRef> tables) {
        List<ReentrantLock> taken = new ArrayList<>();
        for (String name : new TreeSet<>(tables.stream().map(TableRef::toString).toList())) {
            ReentrantLock lock = locks.computeIfAbsent(name, n -> new ReentrantLock());
            lock.lock();
            taken.add(lock);
        }
        return new Held(taken);
    }

    /** Locks held; {@link #close()} releases them. */
    public static final class Held implements AutoCloseable {
        private final List<ReentrantLock> taken;

        private Held(List<ReentrantLock> taken) {
            this.taken = taken;
        }

        @Override
        public void close() {
            for (int i = taken.size() - 1; i >= 0; i--) {
                taken.get(i).unlock();
            }
        }
    }
}
