package io.tidemark.demo;

import io.tidemark.demo.GuardDutyEventFactory.Finding;
import io.tidemark.demo.GuardDutyEventFactory.Profile;
import io.tidemark.demo.GuardDutyEventFactory.Style;
import io.tidemark.landing.ReasonCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Writes a deterministic Firehose landing zone of GuardDuty findings delivered by EventBridge under
 * {@code <landingRoot>/guardduty/} and returns what it wrote with its plan (every document, in write order, with the
 * finding state it must become or its quarantine reason).
 *
 * <p>Each finding is created in the first hour and updated 2 to 4 times across the hours, each update with a later
 * {@code updatedAt} and a higher {@code service.count}; the updates reach Firehose 5 to 240 seconds after their
 * {@code updatedAt}, so some land in the next hour's prefix, and the default first hour (22:00) puts updates on two
 * dates. Objects are keyed {@code guardduty/YYYY/MM/DD/HH/<stream>-1-<yyyy-MM-dd-HH-mm-ss>-<uuid>} by the arrival of
 * their oldest document; even-numbered objects concatenate documents with no delimiter, odd-numbered ones end every
 * document with a newline. Severity arrives as an int ({@code 2}), a double ({@code 5.0}) or a string
 * ({@code "5.0"}) in turn.
 *
 * <p>Traps, at fixed places (h = landing hour index):
 * <ul>
 *   <li>finding 0's first update comes in an envelope with only {@code region} + {@code detail} (like the
 *       aws-samples test event), and is written again, byte for byte, about an hour later (redelivery);</li>
 *   <li>finding 1's last update escalates its severity to 8.0 (High);</li>
 *   <li>finding 2's second update is a bare finding, no envelope;</li>
 *   <li>h1: a CloudTrail event ({@code AWS API Call via CloudTrail}): UNKNOWN_RECORD_TYPE;</li>
 *   <li>h1: an update of finding 1 whose {@code updatedAt} has minute 61: BAD_TIMESTAMP;</li>
 *   <li>h2: an update without {@code detail.id}: MISSING_KEY;</li>
 *   <li>h2: an update of finding 2 with severity {@code "HIGH"}: SCHEMA_MISMATCH.</li>
 * </ul>
 */
public final class GuardDutyLandingGenerator {
    /** Landing prefix of the GuardDuty family, relative to the landing root. */
    public static final String FAMILY = "guardduty";
    private static final int STREAM_VERSION = 1;
    private static final DateTimeFormatter BROKEN_MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH':61:07Z'").withZone(ZoneOffset.UTC);

    private final GuardDutyLandingSettings settings;

    public GuardDutyLandingGenerator(GuardDutyLandingSettings settings) {
        this.settings = settings;
    }

    /**
     * Writes the landing under {@code landingRoot/guardduty/}, which must not exist yet or be empty.
     *
     * @throws IllegalStateException if {@code landingRoot/guardduty/} already holds files
     */
    public GuardDutyWritten generate(Path landingRoot) throws IOException {
        LandingFiles.refuseNonEmpty(landingRoot.resolve(FAMILY));
        Random random = new Random(settings.seed());
        List<Document> documents = new Plan(random).documents();
        return write(landingRoot, random, documents);
    }

    /**
     * One JSON document to write.
     *
     * @param text      the JSON text
     * @param arrival   when Firehose receives it (decides its object)
     * @param findingId the finding id when the document must become a row, else null
     * @param state     the finding's state as of this update when it must become a row, else null
     * @param reason    the quarantine reason when it must not become a row, else null
     */
    private record Document(String text, Instant arrival, String findingId, GuardDutyFindingState state, ReasonCode reason) {
        static Document row(String text, Instant arrival, String findingId, GuardDutyFindingState state) {
            return new Document(text, arrival, findingId, state, null);
        }

        static Document quarantined(String text, Instant arrival, ReasonCode reason) {
            return new Document(text, arrival, null, null, reason);
        }
    }

    /** The documents of one run, drawn from one Random in a fixed order. */
    private final class Plan {
        private final Random random;
        private final GuardDutyEventFactory events;
        private final List<Document> documents = new ArrayList<>();
        private final Instant start = settings.firstHour();
        private final Instant end = settings.firstHour().plus(Duration.ofHours(settings.hours()));

        Plan(Random random) {
            this.random = random;
            this.events = new GuardDutyEventFactory(random, settings.accountId(), settings.region());
        }

        List<Document> documents() {
            for (int f = 0; f < settings.findings(); f++) {
                planFinding(f);
            }
            planTraps();
            return documents;
        }

        private void planFinding(int f) {
            Profile profile = GuardDutyEventFactory.PROFILES.get(f % GuardDutyEventFactory.PROFILES.size());
            Instant created = start.plusSeconds(60 + random.nextInt(2400)).plusMillis(random.nextInt(1000));
            Finding finding = events.newFinding(profile, created);
            int updates = 2 + random.nextInt(3);
            long span = Duration.between(created, end).getSeconds() - 900;
            Instant updatedAt = created;
            int count = 1;
            for (int k = 0; k < updates; k++) {
                if (k > 0) {
                    Instant next = created.plusSeconds(k * span / updates + random.nextInt(300));
                    updatedAt = k % 2 == 1 ? next.truncatedTo(ChronoUnit.SECONDS) : next.plusMillis(1 + random.nextInt(999));
                    count += 1 + random.nextInt(5);
                }
                double severity = f == 1 && k == updates - 1 ? 8.0 : profile.severity();
                Style style = f == 0 && k == 0 ? Style.REGION_AND_DETAIL_ONLY
                        : f == 2 && k == 1 ? Style.BARE_FINDING : Style.FULL_ENVELOPE;
                Instant eventTime = updatedAt.plusSeconds(1 + random.nextInt(4));
                String text = events.update(finding, style, updatedAt.toString(), count, severity, f + k, eventTime);
                Instant arrival = updatedAt.plusSeconds(5 + random.nextInt(236));
                GuardDutyFindingState state = new GuardDutyFindingState(profile.type(), severity, count, updatedAt);
                documents.add(Document.row(text, arrival, finding.id(), state));
                if (f == 0 && k == 0) {
                    documents.add(Document.row(text, arrival.plusSeconds(3600 + random.nextInt(600)), finding.id(), state));
                }
            }
        }

        private void planTraps() {
            Instant hour1 = start.plus(Duration.ofHours(1));
            Instant hour2 = start.plus(Duration.ofHours(2));
            Instant cloudTrail = hour1.plusSeconds(1200 + random.nextInt(60));
            documents.add(Document.quarantined(events.cloudTrailEvent(cloudTrail), cloudTrail.plusSeconds(30),
                    ReasonCode.UNKNOWN_RECORD_TYPE));

            Profile ssh = GuardDutyEventFactory.PROFILES.get(1);
            Instant broken = hour1.plusSeconds(2100 + random.nextInt(60));
            Finding brokenFinding = events.newFinding(ssh, start.plusSeconds(600));
            documents.add(Document.quarantined(events.update(brokenFinding, Style.FULL_ENVELOPE, BROKEN_MINUTE.format(broken),
                    3, 5.0, 1, broken), broken.plusSeconds(20), ReasonCode.BAD_TIMESTAMP));

            Profile probe = GuardDutyEventFactory.PROFILES.get(0);
            Instant keyless = hour2.plusSeconds(600 + random.nextInt(60));
            Finding keylessFinding = events.newFinding(probe, start.plusSeconds(900));
            String withId = events.update(keylessFinding, Style.FULL_ENVELOPE, keyless.toString(), 2, 2.0, 0, keyless);
            documents.add(Document.quarantined(withId.replace("\"id\":\"" + keylessFinding.id() + "\",", ""),
                    keyless.plusSeconds(15), ReasonCode.MISSING_KEY));

            Profile exfiltration = GuardDutyEventFactory.PROFILES.get(2);
            Instant worded = hour2.plusSeconds(2400 + random.nextInt(60));
            Finding wordedFinding = events.newFinding(exfiltration, start.plusSeconds(1200));
            documents.add(Document.quarantined(events.updateWithWordSeverity(wordedFinding, worded.toString(), 4, worded),
                    worded.plusSeconds(25), ReasonCode.SCHEMA_MISMATCH));
        }
    }

    private GuardDutyWritten write(Path landingRoot, Random random, List<Document> documents) throws IOException {
        Map<Instant, List<Document>> bySlot = new TreeMap<>();
        List<Document> ordered = new ArrayList<>(documents);
        ordered.sort(Comparator.comparing(Document::arrival));
        long slotSeconds = 3600L / settings.objectsPerHour();
        for (Document document : ordered) {
            Instant hour = document.arrival().truncatedTo(ChronoUnit.HOURS);
            long slot = Duration.between(hour, document.arrival()).getSeconds() / slotSeconds;
            bySlot.computeIfAbsent(hour.plusSeconds(slot * slotSeconds), s -> new ArrayList<>()).add(document);
        }
        List<String> keys = new ArrayList<>();
        List<PlannedGuardDutyDocument> plan = new ArrayList<>();
        int ordinal = 0;
        for (List<Document> object : bySlot.values()) {
            String delimiter = ordinal % 2 == 0 ? "" : "\n";
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (Document document : object) {
                body.writeBytes((document.text() + delimiter).getBytes(StandardCharsets.UTF_8));
            }
            String key = GeneratedObjectKey.seeded(FAMILY, object.get(0).arrival(), settings.deliveryStream(), STREAM_VERSION,
                    random).render();
            for (Document document : object) {
                plan.add(new PlannedGuardDutyDocument(key, document.text(), document.findingId(), document.state(),
                        document.reason()));
            }
            LandingFiles.write(landingRoot, key, body.toByteArray());
            keys.add(key);
            ordinal++;
        }
        keys.sort(null);
        return new GuardDutyWritten(landingRoot, settings, keys, plan);
    }
}
