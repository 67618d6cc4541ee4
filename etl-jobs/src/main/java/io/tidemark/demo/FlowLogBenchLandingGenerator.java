package io.tidemark.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The benchmark workload: exactly {@code events} VPC flow-log events (default v2 format, every one valid and
 * unique) in CloudWatch Logs envelopes, written as raw Firehose objects under {@code <landingRoot>/cwlogs/} (one
 * gzip member per envelope, no delimiter, as Firehose lands them) and, for the idiomatic Spark job, the same
 * envelopes as newline-delimited JSON under {@code <ndjsonRoot>} (one file per object). The objects arrive over
 * one UTC day, spread evenly over its 24 hours. The same arguments always give the same bytes.
 */
public final class FlowLogBenchLandingGenerator {
    /** Mean events per envelope, as in the measured workload (2,000,000 events in 13,384 envelopes). */
    static final int EVENTS_PER_ENVELOPE = 150;
    private static final int EVENTS_PER_OBJECT = 20_000;
    private static final int MIN_OBJECTS = 8;
    private static final int MAX_OBJECTS = 100;
    private static final int INTERFACES = 64;
    private static final String ACCOUNT = "111122223333";
    private static final String LOG_GROUP = "/vpc/prod-flow-logs";
    private static final String STREAM = "cwlogs-to-s3";

    private final long events;
    private final LocalDate day;
    private final long seed;

    /** What was written. */
    public record Workload(LocalDate day, long events, int objects, int envelopes, long landingBytes, long jsonBytes) {
    }

    public FlowLogBenchLandingGenerator(long events, LocalDate day, long seed) {
        if (events < 1) {
            throw new IllegalArgumentException("events must be >= 1: " + events);
        }
        this.events = events;
        this.day = day;
        this.seed = seed;
    }

    /** Objects per workload size: about 20,000 events each, at least 8 (parallel tasks) and at most 100. */
    static int objectsFor(long events) {
        return (int) Math.max(MIN_OBJECTS, Math.min(MAX_OBJECTS, events / EVENTS_PER_OBJECT));
    }

    public Workload generate(Path landingRoot, Path ndjsonRoot) throws IOException {
        LandingFiles.refuseNonEmpty(landingRoot.resolve(CloudWatchLandingGenerator.FAMILY));
        Files.createDirectories(ndjsonRoot);
        Random random = new Random(seed);
        FlowLogFactory flows = new FlowLogFactory(random, ACCOUNT, INTERFACES);
        EventIdSequence ids = new EventIdSequence(random);
        EnvelopeEncoder encoder = new EnvelopeEncoder();
        int objects = objectsFor(events);
        long dayStart = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        long slot = 86_400L / objects;
        long left = events;
        int envelopes = 0;
        long landingBytes = 0;
        long jsonBytes = 0;
        for (int object = 0; object < objects; object++) {
            long inObject = left / (objects - object);
            left -= inObject;
            Instant arrival = Instant.ofEpochSecond(dayStart + object * slot + 600 + random.nextInt((int) Math.max(1, slot - 600)));
            List<byte[]> members = new ArrayList<>();
            Path ndjson = ndjsonRoot.resolve(String.format("part-%05d.json", object));
            try (OutputStream lines = Files.newOutputStream(ndjson)) {
                while (inObject > 0) {
                    int count = (int) Math.min(inObject, EVENTS_PER_ENVELOPE / 2 + random.nextInt(EVENTS_PER_ENVELOPE + 1));
                    inObject -= count;
                    PlannedEnvelope envelope = envelope(flows, ids, random, arrival, count);
                    byte[] json = encoder.json(envelope);
                    lines.write(json);
                    lines.write('\n');
                    jsonBytes += json.length + 1;
                    members.add(LandingFiles.gzip(json));
                    envelopes++;
                }
            }
            byte[] body = ObjectBody.concatenate(members).bytes();
            LandingFiles.write(landingRoot, GeneratedObjectKey.seeded(CloudWatchLandingGenerator.FAMILY, arrival, STREAM, 1, random).render(), body);
            landingBytes += body.length;
        }
        return new Workload(day, events, objects, envelopes, landingBytes, jsonBytes);
    }

    /** One interface's flow events whose windows end before the object's arrival, in timestamp order. */
    private static PlannedEnvelope envelope(FlowLogFactory flows, EventIdSequence ids, Random random, Instant arrival, int count) {
        int eni = random.nextInt(flows.interfaceCount());
        long arrivalSec = arrival.getEpochSecond();
        List<PlannedEvent> events = new ArrayList<>(count);
        long timestamp = (arrivalSec - 900) * 1000;
        for (int i = 0; i < count; i++) {
            long window = flows.windowSeconds();
            long start = arrivalSec - 660 - window + random.nextInt(240);
            timestamp = Math.max(timestamp, (start + window) * 1000 + random.nextInt(29_000));
            events.add(PlannedEvent.flow(ids.next(timestamp), timestamp, flows.next(eni, start, window)));
        }
        return new PlannedEnvelope(PlannedEnvelope.DATA_MESSAGE, ACCOUNT, LOG_GROUP, flows.logStream(eni),
                List.of("flowlogs-to-firehose"), events);
    }
}
