package io.tidemark.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.config.LeaseConfig;
import io.tidemark.ErrorCode;
import io.tidemark.TidemarkException;
import io.tidemark.testing.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The table leases on both stores: the local file system (atomic create by hard link) and S3 on the emulator
 * (conditional write, {@code If-None-Match: *}, reached with the S3A settings of the Hadoop configuration).
 * Time is a settable clock, so expiry needs no waiting, except in the test of the heartbeat, which runs on the real
 * clock with the shortest expiry.
 */
class TableLeasesTest {
    private static final String BUCKET = "tidemark-leases";
    private static MotoServer moto;
    private static Configuration s3Conf;
    @TempDir
    static Path folder;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start();
        s3Conf = new Configuration(false);
        s3Conf.set("fs.s3a.endpoint", moto.endpoint().toString());
        s3Conf.set("fs.s3a.path.style.access", "true");
        s3Conf.set("fs.s3a.access.key", MotoServer.ACCESS_KEY);
        s3Conf.set("fs.s3a.secret.key", MotoServer.SECRET_KEY);
        s3Conf.set("fs.s3a.endpoint.region", MotoServer.REGION);
        try (S3Client s3 = S3ClientFactory.create(s3Conf, BUCKET)) {
            s3.createBucket(r -> r.bucket(BUCKET).createBucketConfiguration(c -> c.locationConstraint(MotoServer.REGION)));
        }
    }

    @AfterAll
    static void stopMoto() {
        moto.stop();
    }

    static Stream<String> lakes() {
        return Stream.of("local", "s3");
    }

    private static LeaseStore store(String kind, String lake) {
        return kind.equals("local")
                ? LeaseStore.forLake(folder.resolve(lake).toUri().toString(), new Configuration(false))
                : LeaseStore.forLake("s3a://" + BUCKET + "/" + lake, s3Conf);
    }

    @Test
    void s3RefusesToCreateAnExistingKeyWithIfNoneMatch() {
        try (S3Client s3 = S3ClientFactory.create(s3Conf, BUCKET)) {
            s3.putObject(r -> r.bucket(BUCKET).key("conditional/once").ifNoneMatch("*"), RequestBody.fromString("first"));
            assertThatThrownBy(() -> s3.putObject(r -> r.bucket(BUCKET).key("conditional/once").ifNoneMatch("*"),
                    RequestBody.fromString("second")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
            assertThat(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("conditional/once")).asUtf8String()).isEqualTo("first");
        }
    }

    @ParameterizedTest
    @MethodSource("lakes")
    void aGenerationIsCreatedOnce(String kind) throws Exception {
        LeaseStore store = store(kind, "create-once");
        Instant now = Instant.parse("2026-12-05T08:00:00Z");
        LeaseRecord first = new LeaseRecord("run-1", "host-a", 11, now, now.plusSeconds(60), false);
        LeaseRecord second = new LeaseRecord("run-2", "host-b", 22, now, now.plusSeconds(60), false);

        assertThat(store.create("curated.vpc_flow_logs", 1, first)).isTrue();
        assertThat(store.create("curated.vpc_flow_logs", 1, second)).isFalse();

        assertThat(store.read("curated.vpc_flow_logs", 1)).contains(first);
        assertThat(store.generations("curated.vpc_flow_logs")).containsExactly(1L);
    }

    @ParameterizedTest
    @MethodSource("lakes")
    void aSecondProcessWaitsThenFailsNamingTheTableAndTheHolder(String kind) {
        LeaseStore store = store(kind, "busy");
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-05T08:00:00Z"));
        TableLeases holder = leases(store, now, 60, 0);
        TableLeases other = leases(store, now, 60, 0);

        try (TableLeases.Held held = holder.acquire(List.of("curated.vpc_flow_logs"), "run-hourly")) {
            assertThatThrownBy(() -> other.acquire(List.of("curated.vpc_flow_logs"), "run-nightly"))
                    .isInstanceOfSatisfying(TidemarkException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENT_RUN))
                    .hasMessageContaining("curated.vpc_flow_logs")
                    .hasMessageContaining("run-hourly")
                    .hasMessageContaining("leases.waitSeconds");
            held.verify();
        }
        // released: the other process gets it at once
        try (TableLeases.Held held = other.acquire(List.of("curated.vpc_flow_logs"), "run-nightly")) {
            held.verify();
        }
    }

    @ParameterizedTest
    @MethodSource("lakes")
    void aCrashedHoldersLeaseIsTakenOverAfterItsExpiryAndTheOldHolderCannotPublish(String kind) throws Exception {
        LeaseStore store = store(kind, "takeover");
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-05T08:00:00Z"));
        TableLeases crashed = leases(store, now, 30, 0);
        TableLeases next = leases(store, now, 30, 0);

        TableLeases.Held stale = crashed.acquire(List.of("curated.app_logs"), "run-crashed");
        assertThatThrownBy(() -> next.acquire(List.of("curated.app_logs"), "run-next"))
                .hasMessageContaining("run-crashed");

        now.set(now.get().plusSeconds(31)); // no heartbeat for longer than the expiry
        try (TableLeases.Held taken = next.acquire(List.of("curated.app_logs"), "run-next")) {
            taken.verify();
            assertThatThrownBy(stale::verify)
                    .isInstanceOfSatisfying(TidemarkException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENT_RUN))
                    .hasMessageContaining("curated.app_logs");
            stale.close(); // releasing a lease taken over leaves the new holder's alone
            taken.verify();
            assertThat(store.generations("curated.app_logs")).containsExactly(2L);
        }
    }

    /**
     * cwlogs takes app_logs, then waits for vpc_flow_logs, which flowlines holds for longer than the expiry: the
     * heartbeat keeps app_logs cwlogs's meanwhile, so cwlogs can publish once it has both.
     */
    @Test
    void aLeaseTakenFirstStaysHeldWhileTheRunWaitsLongerThanTheExpiryForTheNext() throws Exception {
        LeaseStore store = store("local", "waiting");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        TableLeases flowlines = new TableLeases(store, new LeaseConfig(3, 30), Clock.systemUTC(), quiet);
        TableLeases cwlogs = new TableLeases(store, new LeaseConfig(3, 30), Clock.systemUTC(), quiet);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            TableLeases.Held flows = flowlines.acquire(List.of("curated.vpc_flow_logs"), "run-flowlines");
            Future<TableLeases.Held> both = thread.submit(() ->
                    cwlogs.acquire(List.of("curated.app_logs", "curated.vpc_flow_logs"), "run-cwlogs"));
            Thread.sleep(4_500); // longer than the 3 s expiry
            assertThat(both).isNotDone();
            flows.close();
            try (TableLeases.Held held = both.get(20, TimeUnit.SECONDS)) {
                held.verify();
            }
        } finally {
            thread.shutdownNow();
        }
    }

    private static TableLeases leases(LeaseStore store, AtomicReference<Instant> now, int expirySeconds, int waitSeconds) {
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        return new TableLeases(store, new LeaseConfig(expirySeconds, waitSeconds), clock,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }
}
