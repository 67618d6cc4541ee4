package io.tidemark.sources;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Turns a producer that pushes its items (a parser calling its sink) into an iterator that pulls them, so a Spark
 * task streams an object's records whatever the object's size. The producer runs in its own daemon thread and hands
 * items over in chunks of {@value #CHUNK} through a queue of {@value #CHUNKS} chunks, waiting while the queue is
 * full: at most {@code (CHUNKS + 2) * CHUNK} items are held at any time. A failure of the producer is thrown by
 * {@link #hasNext()} once the items it handed over before are read. {@link #close()} (called by the task's completion
 * listener, which Spark runs whether the task succeeded, failed or was killed) stops the producer and waits for its
 * thread to end, so no thread outlives its task.
 */
public final class HandOffIterator<T> implements Iterator<T>, AutoCloseable {
    static final int CHUNK = 512;
    static final int CHUNKS = 4;
    private static final long POLL_MILLIS = 50;
    private static final long JOIN_MILLIS = 10_000;

    /** Pushes every item into the given consumer, then returns. */
    @FunctionalInterface
    public interface Producer<T> {
        void produce(Consumer<T> out) throws Exception;
    }

    private final BlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean finished;
    private volatile Throwable failure;
    private List<T> filling = new ArrayList<>(CHUNK);
    private Iterator<T> current = Collections.emptyIterator();
    private boolean ended;

    public HandOffIterator(String name, Producer<T> producer) {
        thread = new Thread(() -> run(producer), name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Producer<T> producer) {
        try {
            producer.produce(this::add);
            if (!filling.isEmpty()) {
                put(filling);
            }
        } catch (Stopped stopped) {
            // the reader is gone: nothing to hand over
        } catch (Throwable t) {
            failure = t;
        } finally {
            filling = null;
            finished = true;
        }
    }

    private void add(T item) {
        if (closed) {
            throw new Stopped();
        }
        filling.add(item);
        if (filling.size() == CHUNK) {
            put(filling);
            filling = new ArrayList<>(CHUNK);
        }
    }

    private void put(List<T> chunk) {
        try {
            while (!closed) {
                if (queue.offer(chunk, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new Stopped();
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext()) {
            if (ended) {
                return false;
            }
            List<T> chunk;
            boolean wasFinished = finished;
            try {
                chunk = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("Interrupted while reading a landed object", e);
            }
            if (chunk != null) {
                current = chunk.iterator();
            } else if (wasFinished) {
                // the producer had ended before this poll found the queue empty: everything was read
                ended = true;
                rethrow(failure);
                return false;
            }
        }
        return true;
    }

    private static void rethrow(Throwable failure) {
        if (failure == null) {
            return;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(failure.getMessage(), failure);
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }

    /** Whether the producer's thread is still running. */
    boolean producing() {
        return thread.isAlive();
    }

    /**
     * Stops the producer (at its next item, or by interrupting a wait), drops what it handed over, and waits for its
     * thread to end. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        ended = true;
        current = Collections.emptyIterator();
        queue.clear();
        if (Thread.currentThread() != thread && thread.isAlive()) {
            thread.interrupt();
            try {
                thread.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Thrown inside the producer's thread when the reader closed the iterator. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }
}
