package io.tidemark.demo;

import io.tidemark.landing.ReasonCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a deterministic Firehose landing zone of Amazon SES event publishing records under {@code <landingRoot>/ses/}
 * and returns what it wrote with its plan (every line, in write order, with the rows it yields or its quarantine
 * reason).
 *
 * <p>Every object is JSON lines (one SES event per line, '\n' after each, FORMATS.md 4), compressed as one gzip
 * stream (Firehose GZIP), keyed {@code ses/YYYY/MM/DD/HH/<stream>-1-<yyyy-MM-dd-HH-mm-ss>-<uuid>} by arrival time.
 * Record i of every object has event type {@code TYPES[i % 10]}, so every object holds every type; event times lie
 * up to 50 minutes before the object's arrival, mails were sent up to days before (opens, clicks, complaints,
 * subscriptions), so event_ts decides the partition, not the key.
 *
 * <p>Traps, at fixed places (h = landing hour index, o = object index):
 * <ul>
 *   <li>h0/o0 record 0 happened 5 minutes before the first landing hour (partition hr = first hour - 1);</li>
 *   <li>bounces of mails with two or more recipients bounce two of them, the second written upper-cased with spaces;</li>
 *   <li>the first Open of the run is followed by a second Open of the same mail and recipients 60 s later (new rows);</li>
 *   <li>h0/o0 record 2 (a Bounce) is written again, byte for byte, as the first line of h1/o2 (at-least-once);</li>
 *   <li>h1/o1 holds one malformed line (MALFORMED_JSON) in the middle and one {@code eventType "Inbound"} line
 *       (UNKNOWN_RECORD_TYPE) at the end;</li>
 *   <li>h2/o0 ends with a Delivery without mail.messageId (MISSING_KEY), a Click whose click.timestamp is
 *       {@code 24/11/2026 12:00:00} (BAD_TIMESTAMP) and a Delivery with {@code recipients: []} (SCHEMA_MISMATCH);</li>
 *   <li>h2/o1 record 2 is an identity notification ({@code notificationType: "Bounce"}, no eventType);</li>
 *   <li>the last object of the run has no line break after its last line.</li>
 * </ul>
 */
public final class SesLandingGenerator {
    /** Landing prefix of the SES family, relative to the landing root. */
    public static final String FAMILY = "ses";
    private static final int STREAM_VERSION = 1;

    private final SesLandingSettings settings;

    public SesLandingGenerator(SesLandingSettings settings) {
        this.settings = settings;
    }

    /**
     * Writes the landing under {@code landingRoot/ses/}, which must not exist yet or be empty.
     *
     * @throws IllegalStateException if {@code landingRoot/ses/} already holds files
     */
    public SesWritten generate(Path landingRoot) throws IOException {
        LandingFiles.refuseNonEmpty(landingRoot.resolve(FAMILY));
        Run run = new Run(new Random(settings.seed()), landingRoot);
        for (int hour = 0; hour < settings.hours(); hour++) {
            for (int object = 0; object < settings.objectsPerHour(); object++) {
                boolean last = hour == settings.hours() - 1 && object == settings.objectsPerHour() - 1;
                run.writeObject(hour, object, last);
            }
        }
        return run.written();
    }

    /** The state of one generation run: one Random, consumed in a fixed order. */
    private final class Run {
        private final Random random;
        private final Path landingRoot;
        private final SesEventFactory events;
        private final List<SesWrittenObject> written = new ArrayList<>();
        private final List<SesPlannedRecord> plan = new ArrayList<>();
        private boolean secondOpenWritten;
        private SesPlannedRecord redelivered;

        Run(Random random, Path landingRoot) {
            this.random = random;
            this.landingRoot = landingRoot;
            this.events = new SesEventFactory(random, settings.accountId());
        }

        void writeObject(int hour, int object, boolean last) throws IOException {
            Instant hourStart = settings.firstHour().plus(Duration.ofHours(hour));
            int slot = 3240 / settings.objectsPerHour();
            Instant arrival = hourStart.plusSeconds(360L + (long) object * slot + random.nextInt(slot));
            List<SesPlannedRecord> lines = new ArrayList<>();
            for (int i = 0; i < settings.recordsPerObject(); i++) {
                String type = SesEventFactory.TYPES.get(i % SesEventFactory.TYPES.size());
                Instant at = hour == 0 && object == 0 && i == 0
                        ? hourStart.minusSeconds(300)
                        : arrival.minusSeconds(10 + random.nextInt(3000)).minusMillis(random.nextInt(1000));
                SesEventFactory.Mail mail = events.mail(at.minus(events.mailAge(type)));
                lines.add(events.event(type, mail, at, hour == 2 && object == 1 && i == 2));
                if (type.equals("Open") && !secondOpenWritten) {
                    lines.add(events.event(type, mail, at.plusSeconds(60), false));
                    secondOpenWritten = true;
                }
            }
            addTraps(hour, object, arrival, lines);
            write(arrival, lines, last);
        }

        private void addTraps(int hour, int object, Instant arrival, List<SesPlannedRecord> lines) {
            if (hour == 0 && object == 0) {
                redelivered = lines.get(2);
            }
            if (hour == 1 && object == 1) {
                lines.add(lines.size() / 2, SesPlannedRecord.bad("{\"eventType\":\"Send\",\"mail\":{\"messageId\":\"0100018f-broken\","
                        + "\"timestamp\":2026-11-24T11:00:00Z},\"send\":{}}", ReasonCode.MALFORMED_JSON));
                String send = events.event("Send", events.mail(arrival.minusSeconds(40)), arrival.minusSeconds(40), false).line();
                lines.add(SesPlannedRecord.bad(send.replace("\"eventType\":\"Send\"", "\"eventType\":\"Inbound\""),
                        ReasonCode.UNKNOWN_RECORD_TYPE));
            }
            if (hour == 1 && object == 2) {
                lines.add(0, redelivered);
            }
            if (hour == 2 && object == 0) {
                Instant at = arrival.minusSeconds(30);
                SesEventFactory.Mail mail = events.mail(at.minusSeconds(2));
                String delivery = events.event("Delivery", mail, at, false).line();
                lines.add(SesPlannedRecord.bad(delivery.replaceFirst(Pattern.quote("\"messageId\":\"" + mail.messageId() + "\","), ""),
                        ReasonCode.MISSING_KEY));
                SesEventFactory.Mail clicked = events.mail(at.minusSeconds(600));
                String click = events.event("Click", clicked, at, false).line();
                lines.add(SesPlannedRecord.bad(click.replace("\"timestamp\":\"" + SesEventFactory.iso(at) + "\"",
                        "\"timestamp\":\"24/11/2026 12:00:00\""), ReasonCode.BAD_TIMESTAMP));
                String unaddressed = events.event("Delivery", events.mail(at.minusSeconds(3)), at, false).line();
                lines.add(SesPlannedRecord.bad(unaddressed.replaceFirst("\"recipients\":\\[[^\\]]*\\]",
                        Matcher.quoteReplacement("\"recipients\":[]")), ReasonCode.SCHEMA_MISMATCH));
            }
        }

        private void write(Instant arrival, List<SesPlannedRecord> lines, boolean last) throws IOException {
            StringBuilder text = new StringBuilder();
            int rows = 0;
            int bad = 0;
            for (int i = 0; i < lines.size(); i++) {
                SesPlannedRecord line = lines.get(i);
                text.append(line.line());
                if (!last || i < lines.size() - 1) {
                    text.append('\n');
                }
                rows += line.rows().size();
                bad += line.quarantine() == null ? 0 : 1;
                plan.add(line);
            }
            byte[] body = LandingFiles.gzip(text.toString().getBytes(StandardCharsets.UTF_8));
            String key = GeneratedObjectKey.seeded(FAMILY, arrival, settings.deliveryStream(), STREAM_VERSION, random).render();
            LandingFiles.write(landingRoot, key, body);
            written.add(new SesWrittenObject(key, body.length, lines.size(), rows, bad));
        }

        SesWritten written() {
            List<SesWrittenObject> objects = new ArrayList<>(written);
            objects.sort(Comparator.comparing(SesWrittenObject::key));
            return new SesWritten(landingRoot, settings, objects, plan);
        }
    }
}
