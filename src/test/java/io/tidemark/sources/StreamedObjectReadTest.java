package io.tidemark.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.config.DatasetSchemas;
import io.tidemark.landing.HadoopConf;
import io.tidemark.landing.LandingObject;
import io.tidemark.landing.LandingWindow;
import io.tidemark.landing.RunContext;
import io.tidemark.testing.LocalSpark;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A landed object's records stream out of the task as an iterator, whatever the object's size (issue 12: a whole
 * object's rows were held as a list): the parser runs only as far ahead of the reader as the hand-off's bounded queue
 * allows, so even an object without end can be read in part; and the parser's thread never outlives its task, however
 * the task ends.
 */
class StreamedObjectReadTest {
    private static final RunContext CONTEXT = new RunContext("bench", "run-1", LandingWindow.day(LocalDate.of(2026, 11, 24)),
            Instant.parse("2026-11-24T12:00:00Z"));
    private static final long BOUND = (HandOffIterator.CHUNKS + 2L) * HandOffIterator.CHUNK;
    /** Rows emitted by the parsers of this JVM (Spark's local tasks run here too). */
    private static final AtomicLong EMITTED = new AtomicLong();

    @TempDir
    static Path workdir;
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start(workdir);
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @AfterEach
    void noParserThreadIsLeft() throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (parserThreads() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(parserThreads()).as("parser threads still running").isZero();
        EMITTED.set(0);
    }

    @Test
    void anObjectWithoutEndIsParsedOnlyAsFarAsItIsRead() throws Exception {
        HandOffIterator<SourceItem> items = (HandOffIterator<SourceItem>) task(new EndlessParser(Long.MAX_VALUE)).read(object());

        List<SourceItem> firstTen = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            firstTen.add(items.next());
        }
        Thread.sleep(200);

        assertThat(firstTen).allMatch(item -> item instanceof SourceItem.Curated);
        assertThat(EMITTED.get()).isLessThanOrEqualTo(BOUND);
        items.close();
        assertThat(items.producing()).isFalse();
    }

    @Test
    void aSparkTaskThatStopsReadingEndsItsParser() throws Exception {
        // the old path built a list of every row of the object before the task returned any: this object never ends
        ParsedObjectSource.ObjectTask task = task(new EndlessParser(Long.MAX_VALUE));
        LandingObject object = object();

        List<SourceItem> taken = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(List.of(object), 1).flatMap(task::read).take(1_000);

        assertThat(taken).hasSize(1_000).allMatch(item -> item instanceof SourceItem.Curated);
        assertThat(EMITTED.get()).isLessThanOrEqualTo(1_000 + BOUND);
    }

    @Test
    void everyRowThenTheReportComeOutInOrder() throws Exception {
        Iterator<SourceItem> items = task(new EndlessParser(2_000)).read(object());

        long rows = 0;
        SourceItem last = null;
        while (items.hasNext()) {
            last = items.next();
            if (last instanceof SourceItem.Curated) {
                rows++;
            }
        }

        assertThat(rows).isEqualTo(2_000);
        assertThat(last).isInstanceOf(SourceItem.Done.class);
        assertThat(((SourceItem.Done) last).report().rowsIn()).isEqualTo(2_000);
    }

    @Test
    void aParserFailureReachesTheReaderAndFailsTheSparkTask() throws Exception {
        Iterator<SourceItem> items = task(new EndlessParser(1_500, "storage gone")).read(object());
        long rows = 0;
        String failure = null;
        try {
            while (items.hasNext()) {
                items.next();
                rows++;
            }
        } catch (IllegalStateException e) {
            failure = e.getMessage();
        }
        assertThat(failure).isEqualTo("storage gone");
        assertThat(rows).isBetween(1_000L, 1_500L);

        ParsedObjectSource.ObjectTask failing = task(new EndlessParser(10, "storage gone"));
        LandingObject object = object();
        assertThatThrownBy(() -> JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(List.of(object), 1).flatMap(failing::read).count())
                .hasMessageContaining("storage gone");
    }

    private static long parserThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("tidemark-parse")).count();
    }

    private static ParsedObjectSource.ObjectTask task(ObjectParser parser) {
        return new ParsedObjectSource.ObjectTask(parser,
                JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(new HadoopConf(new Configuration())), workdir.toUri().toString(),
                CONTEXT, Duration.ofDays(3650), ZoneOffset.UTC, PartitionKeyReader.NONE, ErrorOutputTypeReader.NONE);
    }

    private static LandingObject object() throws Exception {
        Path file = workdir.resolve("object");
        Files.write(file, new byte[] {1, 2, 3});
        return new LandingObject(file.toUri().toString(), 3, "v1");
    }

    /** Emits {@code rows} flow-log rows of nulls, counting each, then fails with {@code failure} if not null. */
    private record EndlessParser(long rows, String failure) implements ObjectParser {
        EndlessParser(long rows) {
            this(rows, null);
        }

        @Override
        public List<String> datasets() {
            return List.of("vpc_flow_logs");
        }

        @Override
        public void parse(LandedObject object, InputStream raw, RecordSink sink) {
            int columns = DatasetSchemas.get("vpc_flow_logs").columns().size();
            for (long i = 0; i < rows; i++) {
                sink.row("vpc_flow_logs", new Object[columns], i, Instant.parse("2026-11-24T10:00:00Z"));
                EMITTED.incrementAndGet();
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
        }
    }
}
