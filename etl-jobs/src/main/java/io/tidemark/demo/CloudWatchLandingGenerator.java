package io.tidemark.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Writes a deterministic Firehose landing zone of CloudWatch Logs subscription records under
 * {@code <landingRoot>/cwlogs/} and returns what it wrote with its plan (every envelope and event, in write order).
 *
 * <p>Every object is a concatenation of independent gzip members, one JSON envelope each, with no
 * delimiter, keyed {@code cwlogs/YYYY/MM/DD/HH/<stream>-1-<yyyy-MM-dd-HH-mm-ss>-<uuid>} by arrival
 * time. Envelope 0 of every object is a flow-log envelope; the others are flow logs (70%) or app logs.
 *
 * <p>Traps, all at fixed places so tests can find them (h = landing hour index, o = object index):
 * <ul>
 *   <li>h0/o0 is written again, byte for byte, under a new key in h1 (at-least-once redelivery);</li>
 *   <li>h0/o1 carries one CONTROL_MESSAGE envelope in the middle;</li>
 *   <li>h1/o1's first envelope carries three malformed flow lines (13 fields, 15 fields, bytes
 *       {@code "<n>B"}): SCHEMA_MISMATCH;</li>
 *   <li>h1's last object is cut in the middle of its middle gzip member: TRUNCATED_OBJECT;</li>
 *   <li>one extra object in h1 is random bytes, not gzip: CORRUPT_COMPRESSION.</li>
 * </ul>
 */
public final class CloudWatchLandingGenerator {
    /** Landing prefix of the CloudWatch Logs family, relative to the landing root. */
    public static final String FAMILY = "cwlogs";
    private static final int STREAM_VERSION = 1;
    private static final int MALFORMED_LINES = 3;

    private final CloudWatchLandingSettings settings;
    private final String folder;
    private final DateTimeFormatter timePrefix;

    /** Writes Firehose's default layout: {@code cwlogs/YYYY/MM/DD/HH/}, UTC. */
    public CloudWatchLandingGenerator(CloudWatchLandingSettings settings) {
        this(settings, FAMILY, GeneratedObjectKey.PREFIX);
    }

    /**
     * Writes the objects under a custom prefix, as a stream with a custom {@code Prefix} does: {@code folder/}
     * followed by {@code timePrefix} (a DateTimeFormatter pattern with its time zone, the stream's
     * {@code CustomTimeZone}), e.g. folder {@code logs/cwl} and {@code 'year='yyyy'/month='MM'/day='dd'/hour='HH'/'}.
     */
    public CloudWatchLandingGenerator(CloudWatchLandingSettings settings, String folder, DateTimeFormatter timePrefix) {
        this.settings = settings;
        this.folder = folder;
        this.timePrefix = timePrefix.getZone() == null ? timePrefix.withZone(ZoneOffset.UTC) : timePrefix;
    }

    /**
     * Writes the landing under {@code landingRoot/<folder>/} ({@code cwlogs/} by default), which must not exist yet or be empty.
     *
     * @throws IllegalStateException if {@code landingRoot/<folder>/} already holds files
     */
    public CloudWatchWritten generate(Path landingRoot) throws IOException {
        LandingFiles.refuseNonEmpty(landingRoot.resolve(folder));
        Random random = new Random(settings.seed());
        Run run = new Run(random, landingRoot);
        for (int hour = 0; hour < settings.hours(); hour++) {
            run.writeHour(hour);
        }
        List<WrittenObject> objects = new ArrayList<>(run.written);
        objects.sort(Comparator.comparing(WrittenObject::key));
        return new CloudWatchWritten(landingRoot, settings, objects, run.plan);
    }

    /** Role of an ordinary object in the trap plan. */
    private enum Role { PLAIN, REDELIVERED_ORIGINAL, WITH_CONTROL_MESSAGE, WITH_MALFORMED_LINES, TRUNCATED }

    /** The state of one generation run: one Random, consumed in a fixed order. */
    private final class Run {
        private final Random random;
        private final Path landingRoot;
        private final FlowLogFactory flows;
        private final AppLogFactory apps;
        private final EventIdSequence ids;
        private final EnvelopeEncoder encoder = new EnvelopeEncoder();
        private final List<CloudWatchPlannedObject> plan = new ArrayList<>();
        private final List<WrittenObject> written = new ArrayList<>();
        private final List<List<String>> appStreams = new ArrayList<>();
        private byte[] originalBytes;
        private String originalKey;
        private List<PlannedEnvelope> originalEnvelopes;

        Run(Random random, Path landingRoot) {
            this.random = random;
            this.landingRoot = landingRoot;
            this.flows = new FlowLogFactory(random, settings.accountId(), settings.networkInterfaces());
            this.apps = new AppLogFactory(random);
            this.ids = new EventIdSequence(random);
            for (String group : settings.appLogGroups()) {
                appStreams.add(List.of(apps.logStream(group, settings.firstHour()),
                        apps.logStream(group, settings.firstHour())));
            }
        }

        void writeHour(int hour) throws IOException {
            Instant hourStart = settings.firstHour().plus(Duration.ofHours(hour));
            int slot = 3240 / settings.objectsPerHour();
            for (int object = 0; object < settings.objectsPerHour(); object++) {
                Instant arrival = hourStart.plusSeconds(360L + (long) object * slot + random.nextInt(slot));
                writeObject(role(hour, object), hourStart, arrival);
            }
            if (hour == 1) {
                writeRedeliveredCopy(hourStart.plusSeconds(90 + random.nextInt(60)));
                writeGarbage(hourStart.plusSeconds(1800 + random.nextInt(600)));
            }
        }

        private Role role(int hour, int object) {
            if (hour == 0 && object == 0) {
                return Role.REDELIVERED_ORIGINAL;
            }
            if (hour == 0 && object == 1) {
                return Role.WITH_CONTROL_MESSAGE;
            }
            if (hour == 1 && object == 1) {
                return Role.WITH_MALFORMED_LINES;
            }
            if (hour == 1 && object == settings.objectsPerHour() - 1) {
                return Role.TRUNCATED;
            }
            return Role.PLAIN;
        }

        private void writeObject(Role role, Instant hourStart, Instant arrival) throws IOException {
            List<PlannedEnvelope> envelopes = new ArrayList<>();
            for (int i = 0; i < settings.envelopesPerObject(); i++) {
                boolean flow = i == 0 || random.nextInt(10) < 7;
                envelopes.add(flow ? flowEnvelope(hourStart, arrival, role == Role.WITH_MALFORMED_LINES && i == 0)
                        : appEnvelope(arrival));
            }
            if (role == Role.WITH_CONTROL_MESSAGE) {
                envelopes.add(envelopes.size() / 2, PlannedEnvelope.control(arrival.toEpochMilli() - 1000 - random.nextInt(30_000)));
            }
            List<byte[]> members = envelopes.stream().map(encoder::gzipMember).toList();
            ObjectBody body = ObjectBody.concatenate(members);
            ObjectKind kind = ObjectKind.DATA;
            if (role == Role.TRUNCATED) {
                body = body.cutInsideMember(envelopes.size() / 2);
                kind = ObjectKind.TRUNCATED;
            }
            String key = key(arrival);
            write(key, body.bytes());
            int readable = body.completeMembers();
            add(new WrittenObject(key, kind, body.bytes().length, envelopes.size(), eventCount(envelopes),
                    readable, eventCount(envelopes.subList(0, readable)), null), envelopes);
            if (role == Role.REDELIVERED_ORIGINAL) {
                originalBytes = body.bytes();
                originalKey = key;
                originalEnvelopes = envelopes;
            }
        }

        private void writeRedeliveredCopy(Instant arrival) throws IOException {
            String key = key(arrival);
            write(key, originalBytes);
            int events = eventCount(originalEnvelopes);
            add(new WrittenObject(key, ObjectKind.REDELIVERY, originalBytes.length, originalEnvelopes.size(),
                    events, originalEnvelopes.size(), events, originalKey), originalEnvelopes);
        }

        private void writeGarbage(Instant arrival) throws IOException {
            byte[] garbage = new byte[512 + random.nextInt(512)];
            random.nextBytes(garbage);
            garbage[0] = 'x'; // never the gzip magic 1f 8b
            String key = key(arrival);
            write(key, garbage);
            add(new WrittenObject(key, ObjectKind.GARBAGE, garbage.length, 0, 0, 0, 0, null), List.of());
        }

        private PlannedEnvelope flowEnvelope(Instant hourStart, Instant arrival, boolean withMalformedLines) {
            int eni = random.nextInt(flows.interfaceCount());
            long hourSec = hourStart.getEpochSecond();
            long arrivalSec = arrival.getEpochSecond();
            List<long[]> timed = new ArrayList<>(); // {timestamp ms, index into lines}
            List<FlowLogLine> lines = new ArrayList<>();
            int count = eventCount();
            for (int i = 0; i < count; i++) {
                long window = flows.windowSeconds();
                long hi = arrivalSec - window - 31;
                long lo = random.nextInt(8) == 0 ? hourSec - 900 : hourSec; // about 1 in 8 starts in the previous hour
                if (hi < lo) {
                    lo = hourSec - 900;
                }
                long start = lo + random.nextInt((int) (hi - lo + 1));
                lines.add(flows.next(eni, start, window));
                timed.add(new long[] {(start + window) * 1000 + 1000 + random.nextInt(29_000), i});
            }
            timed.sort(Comparator.comparingLong(t -> t[0]));
            List<PlannedEvent> events = new ArrayList<>();
            for (long[] t : timed) {
                FlowLogLine line = lines.get((int) t[1]);
                String id = ids.next(t[0]);
                int malformedIndex = events.size() - 1; // events 1..3 of the envelope
                events.add(withMalformedLines && malformedIndex >= 0 && malformedIndex < MALFORMED_LINES
                        ? PlannedEvent.malformedFlow(id, t[0], flows.malformed(line, malformedIndex))
                        : PlannedEvent.flow(id, t[0], line));
            }
            return new PlannedEnvelope(PlannedEnvelope.DATA_MESSAGE, settings.accountId(), settings.flowLogGroup(),
                    flows.logStream(eni), List.of("flowlogs-to-firehose"), events);
        }

        private PlannedEnvelope appEnvelope(Instant arrival) {
            int group = random.nextInt(settings.appLogGroups().size());
            String logGroup = settings.appLogGroups().get(group);
            String stream = appStreams.get(group).get(random.nextInt(2));
            long arrivalMs = arrival.toEpochMilli();
            List<Long> timestamps = new ArrayList<>();
            int count = eventCount();
            for (int i = 0; i < count; i++) {
                int lateness = random.nextInt(20) == 0 ? 1_200_000 : 300_000; // a few up to 20 min old
                timestamps.add(arrivalMs - 1000 - random.nextInt(lateness));
            }
            timestamps.sort(null);
            List<PlannedEvent> events = new ArrayList<>();
            for (long ts : timestamps) {
                events.add(PlannedEvent.app(ids.next(ts), ts, apps.message(logGroup, ts)));
            }
            return new PlannedEnvelope(PlannedEnvelope.DATA_MESSAGE, settings.accountId(), logGroup, stream,
                    List.of("app-to-firehose"), events);
        }

        private int eventCount() {
            int mean = settings.eventsPerEnvelope();
            return mean / 2 + random.nextInt(mean + 1);
        }

        private String key(Instant arrival) {
            return GeneratedObjectKey.seeded(folder, arrival, settings.deliveryStream(), STREAM_VERSION, random).render(timePrefix);
        }

        private void add(WrittenObject object, List<PlannedEnvelope> envelopes) {
            written.add(object);
            plan.add(new CloudWatchPlannedObject(object, envelopes));
        }

        private void write(String key, byte[] bytes) throws IOException {
            LandingFiles.write(landingRoot, key, bytes);
        }

        private int eventCount(List<PlannedEnvelope> envelopes) {
            return envelopes.stream().mapToInt(e -> e.events().size()).sum();
        }
    }
}
