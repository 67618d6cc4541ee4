package io.tidemark.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.landing.ReasonCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes a deterministic Firehose landing zone of clickstream JSON records under {@code <landingRoot>/clickstream/}
 * and returns what it wrote with its plan (every record, in write order, with its fate). Keys are {@code clickstream/YYYY/MM/DD/HH/<stream>-1-<yyyy-MM-dd-HH-mm-ss>-<uuid>}
 * ({@code .gz} when gzip). Objects with index o in an hour are LF-separated (o % 3 == 0), concatenated with no
 * separator (o % 3 == 1) or CRLF-separated (o % 3 == 2), gzip when o is even; the last object of an hour has no
 * trailing separator. Records vary: ids as JSON numbers or strings, {@code event_id} on about 60%, {@code timestamp}
 * as ISO-8601 Z, ISO-8601 +09:00, epoch millis number or string, or absent (about 15%), actions {@code impression},
 * {@code click}, the unknown {@code share}, some in odd case with blanks, extra fields.
 *
 * <p>Traps at fixed places (h = landing hour index, o = object index, r = record index):
 * <ul>
 *   <li>h0/o0 is written again byte for byte under a new uuid with the same arrival time (a whole-buffer
 *       redelivery); its r1 has neither event_id nor timestamp, so only the hash of record + arrival dedups it;</li>
 *   <li>h0/o1/r0 (with an event_id) is repeated as h1/o0/r0 (a single redelivered record, another arrival);</li>
 *   <li>h0/o1/r2 has action {@code "Share"} (unknown, kept as {@code share}); h0/o2/r0 is by a user in no reference
 *       snapshot;</li>
 *   <li>h1/o1 (LF) holds a cut JSON line (MALFORMED_JSON), a user_id {@code "u-<id>"} (SCHEMA_MISMATCH), a record
 *       without action (MISSING_KEY) and a timestamp {@code "yesterday"} (BAD_TIMESTAMP) at r1..r4.</li>
 * </ul>
 */
public final class ClickstreamLandingGenerator {
    /** Landing prefix of the clickstream family, relative to the landing root. */
    public static final String FAMILY = "clickstream";
    private static final int STREAM_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter ISO_Z =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_TOKYO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.ofHours(9));

    private final ClickstreamLandingSettings settings;

    public ClickstreamLandingGenerator(ClickstreamLandingSettings settings) {
        this.settings = settings;
    }

    /**
     * Writes the landing under {@code landingRoot/clickstream/}, which must not hold files yet.
     *
     * @throws IllegalStateException if {@code landingRoot/clickstream/} already holds files
     */
    public ClickstreamWritten generate(Path landingRoot) throws IOException {
        LandingFiles.refuseNonEmpty(landingRoot.resolve(FAMILY));
        Run run = new Run(new Random(settings.seed()), landingRoot);
        for (int hour = 0; hour < settings.hours(); hour++) {
            run.writeHour(hour);
        }
        return run.written(landingRoot);
    }

    /** One JSON document as written and what a reader must make of it. */
    private record Doc(String text, ReasonCode quarantine, PlannedClick click, boolean repeat) {
        Doc(String text, ReasonCode quarantine, PlannedClick click) {
            this(text, quarantine, click, false);
        }

        Doc repeated() {
            return new Doc(text, quarantine, click, true);
        }
    }

    private final class Run {
        private final Random random;
        private final Path landingRoot;
        private final List<ClickObject> objects = new ArrayList<>();
        private final List<PlannedClickRecord> plan = new ArrayList<>();
        private Doc redeliveredRecord;

        Run(Random random, Path landingRoot) {
            this.random = random;
            this.landingRoot = landingRoot;
        }

        void writeHour(int hour) throws IOException {
            Instant hourStart = settings.firstHour().plus(Duration.ofHours(hour));
            int slot = 3000 / settings.objectsPerHour();
            for (int o = 0; o < settings.objectsPerHour(); o++) {
                Instant arrival = hourStart.plusSeconds(300L + (long) o * slot + random.nextInt(slot));
                List<Doc> docs = plan(hour, o, arrival);
                String framing = hour == 1 && o == 1 ? "LF" : switch (o % 3) {
                    case 0 -> "LF";
                    case 1 -> "CONCATENATED";
                    default -> "CRLF";
                };
                boolean gzip = o % 2 == 0;
                boolean trailing = o < settings.objectsPerHour() - 1;
                byte[] body = body(docs, framing, trailing, gzip);
                String key = key(arrival, gzip);
                write(key, body);
                objects.add(new ClickObject(key, gzip, framing, docs.size(), null));
                record(key, docs, false);
                if (hour == 0 && o == 0) {
                    String copy = key(arrival, gzip);
                    write(copy, body);
                    objects.add(new ClickObject(copy, gzip, framing, docs.size(), key));
                    record(copy, docs, true);
                }
            }
        }

        private List<Doc> plan(int hour, int o, Instant arrival) {
            List<Doc> docs = new ArrayList<>();
            Set<String> hashedTexts = new HashSet<>();
            for (int r = 0; r < settings.recordsPerObject(); r++) {
                if (hour == 1 && o == 0 && r == 0) {
                    docs.add(redeliveredRecord.repeated());
                    continue;
                }
                if (hour == 1 && o == 1 && r >= 1 && r <= 4) {
                    docs.add(bad(r, arrival));
                    continue;
                }
                boolean forceNoIds = hour == 0 && o == 0 && r == 1;
                Boolean withEventId = forceNoIds ? Boolean.FALSE : hour == 0 && o == 1 && r == 0 ? Boolean.TRUE : null;
                String action = hour == 0 && o == 1 && r == 2 ? "Share" : null;
                Long user = hour == 0 && o == 2 && r == 0 ? settings.unknownUserId() : null;
                Doc doc = click(arrival, withEventId, forceNoIds, action, user, hashedTexts);
                docs.add(doc);
                if (hour == 0 && o == 1 && r == 0) {
                    redeliveredRecord = doc;
                }
            }
            return docs;
        }

        /** A good record; forced values where not null. */
        private Doc click(Instant arrival, Boolean withEventId, boolean noTimestamp, String forcedAction, Long forcedUser,
                          Set<String> hashedTexts) {
            long article = 5001 + random.nextInt(settings.articles());
            long user = forcedUser != null ? forcedUser : settings.firstUserId() + random.nextInt(settings.users());
            int a = random.nextInt(100);
            String action = forcedAction != null ? forcedAction : a < 68 ? "impression" : a < 95 ? "click" : "share";
            String landedAction = forcedAction != null ? forcedAction : switch (random.nextInt(10)) {
                case 0 -> " " + Character.toUpperCase(action.charAt(0)) + action.substring(1) + " ";
                case 1 -> action.toUpperCase(java.util.Locale.ROOT);
                default -> action;
            };
            boolean eventId = withEventId != null ? withEventId : random.nextInt(10) < 6;
            int lateness = random.nextInt(20) == 0 ? 90 * 60_000 : 5 * 60_000;
            Instant ts = arrival.minusMillis(1000 + random.nextInt(lateness));
            int form = noTimestamp ? 99 : random.nextInt(100);
            ObjectNode node = MAPPER.createObjectNode();
            if (eventId) {
                node.put("event_id", SeededUuid.next(random).toString());
            }
            putId(node, "article_id", article);
            putId(node, "user_id", user);
            node.put("action", landedAction);
            if (form < 40) {
                node.put("timestamp", ISO_Z.format(ts));
            } else if (form < 55) {
                node.put("timestamp", ISO_TOKYO.format(ts));
            } else if (form < 75) {
                node.put("timestamp", ts.toEpochMilli());
            } else if (form < 85) {
                node.put("timestamp", Long.toString(ts.toEpochMilli()));
            }
            if (random.nextInt(10) < 3) {
                node.put("session", "s-" + random.nextInt(1000));
            }
            String text = json(node);
            if (!eventId && !hashedTexts.add(text)) {
                // the same text twice in one object would share its hash key: make it a distinct event
                node.put("event_id", SeededUuid.next(random).toString());
                text = json(node);
            }
            boolean fromArrival = form >= 85;
            String normalized = action.trim().toLowerCase(java.util.Locale.ROOT);
            return new Doc(text, null, new PlannedClick(fromArrival ? arrival : ts, fromArrival, article, user, normalized));
        }

        private void putId(ObjectNode node, String name, long id) {
            if (random.nextInt(4) == 0) {
                node.put(name, Long.toString(id));
            } else {
                node.put(name, id);
            }
        }

        private Doc bad(int r, Instant arrival) {
            long user = settings.firstUserId();
            String ts = ISO_Z.format(arrival.minusSeconds(30));
            return switch (r) {
                case 1 -> new Doc("{\"article_id\": 5001, \"user_id\": \"" + user + "\", \"action\": \"cli",
                        ReasonCode.MALFORMED_JSON, null);
                case 2 -> new Doc("{\"article_id\":5001,\"user_id\":\"u-" + user + "\",\"action\":\"click\",\"timestamp\":\""
                        + ts + "\"}", ReasonCode.SCHEMA_MISMATCH, null);
                case 3 -> new Doc("{\"article_id\":5002,\"user_id\":" + user + ",\"timestamp\":\"" + ts + "\"}",
                        ReasonCode.MISSING_KEY, null);
                default -> new Doc("{\"article_id\":5003,\"user_id\":" + user + ",\"action\":\"impression\","
                        + "\"timestamp\":\"yesterday\"}", ReasonCode.BAD_TIMESTAMP, null);
            };
        }

        private void record(String key, List<Doc> docs, boolean copy) {
            for (Doc doc : docs) {
                plan.add(new PlannedClickRecord(key, doc.text(), doc.quarantine(), doc.click(),
                        doc.quarantine() == null && (copy || doc.repeat())));
            }
        }

        private byte[] body(List<Doc> docs, String framing, boolean trailing, boolean gzip) {
            String separator = switch (framing) {
                case "LF" -> "\n";
                case "CRLF" -> "\r\n";
                default -> "";
            };
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < docs.size(); i++) {
                text.append(docs.get(i).text());
                if (i < docs.size() - 1 || trailing) {
                    text.append(separator);
                }
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            return gzip ? LandingFiles.gzip(bytes) : bytes;
        }

        private String key(Instant arrival, boolean gzip) {
            return GeneratedObjectKey.seeded(FAMILY, arrival, settings.deliveryStream(), STREAM_VERSION, random).render()
                    + (gzip ? ".gz" : "");
        }

        private void write(String key, byte[] bytes) throws IOException {
            LandingFiles.write(landingRoot, key, bytes);
        }

        ClickstreamWritten written(Path root) {
            List<ClickObject> sorted = new ArrayList<>(objects);
            sorted.sort(Comparator.comparing(ClickObject::key));
            return new ClickstreamWritten(root, settings, sorted, plan);
        }
    }

    private static String json(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a clickstream record: " + e.getOriginalMessage(), e);
        }
    }
}
