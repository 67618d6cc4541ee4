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
import java.util.Objects;
import java.util.Random;
import java.util.StringJoiner;

/**
 * Writes a deterministic Firehose landing of blueprint-processed VPC flow-log lines (FORMATS.md 2.3: one
 * {@code message + "\n"} per log event, CloudWatch metadata lost) under {@code <landingRoot>/flowlogs-lines/} and
 * returns what it wrote with its plan (every line and its fate). Keys: {@code flowlogs-lines/YYYY/MM/DD/HH/<stream>-1-<yyyy-MM-dd-HH-mm-ss>-<uuid>}.
 *
 * <p>Objects, one trap each (see {@link FlowLinesObject#trap()}):
 * <ul>
 *   <li>hour 0 {@code v2-header-lf}: header line, default v2 lines, a blank line, one NODATA and one SKIPDATA;</li>
 *   <li>hour 0 {@code v2-crlf-no-final-newline}: CRLF line ends, the last line without one;</li>
 *   <li>hour 0 {@code v2-gzip-bad-lines}: gzip; a 13-field line and a bytes value {@code 4810B}
 *       (SCHEMA_MISMATCH) and a start of {@code -} (BAD_TIMESTAMP);</li>
 *   <li>hour 1 {@code v5-header-user-order}: a custom version-5 format with a header line in a scrambled
 *       user order (start first, account-id near the end, v5 fields in between);</li>
 *   <li>hour 1 {@code v2-gzip-multi-member}: two gzip members;</li>
 *   <li>hour 1 {@code redelivery}: the {@code v2-header-lf} object again, byte for byte, under a new key.</li>
 * </ul>
 */
public final class FlowLogLinesLandingGenerator {
    /** Landing prefix of the family, relative to the landing root (without the slash). */
    public static final String FAMILY = "flowlogs-lines";
    public static final String V2_HEADER =
            "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
    /** The custom format of the v5 object, in the user's order. */
    public static final String V5_HEADER = "start interface-id flow-direction srcaddr dstaddr action bytes packets"
            + " protocol srcport dstport log-status version pkt-dst-aws-service traffic-path vpc-id account-id end";
    public static final String VPC_ID = "vpc-0a1b2c3d4e5f60789";

    private final FlowLinesLandingSettings settings;

    public FlowLogLinesLandingGenerator(FlowLinesLandingSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Writes the landing under {@code landingRoot/flowlogs-lines/}, which must not hold files yet.
     *
     * @throws IllegalStateException if it does
     */
    public FlowLinesWritten generate(Path landingRoot) throws IOException {
        LandingFiles.refuseNonEmpty(landingRoot.resolve(FAMILY));
        return new Run(landingRoot).write();
    }

    /** A line as written: its text and, for a good line, the flow it carries; for a bad one, the reason. */
    private record Written(String text, FlowLogLine flow, ReasonCode reason) {
    }

    private final class Run {
        private final Random random = new Random(settings.seed());
        private final Path landingRoot;
        private final FlowLogFactory flows;
        private final List<FlowLinesObject> objects = new ArrayList<>();
        private final List<PlannedFlowLine> plan = new ArrayList<>();

        Run(Path landingRoot) {
            this.landingRoot = landingRoot;
            this.flows = new FlowLogFactory(random, settings.accountId(), settings.networkInterfaces());
        }

        FlowLinesWritten write() throws IOException {
            Instant h0 = settings.firstHour();
            Instant h1 = h0.plus(Duration.ofHours(1));
            int n = settings.linesPerObject();

            List<Written> headed = v2Lines(h0, arrival(h0, 0), n);
            headed.add(n / 3, idle(flows.interfaceId(0), "NODATA", h0));
            headed.add(n / 2, idle(flows.interfaceId(1), "SKIPDATA", h0));
            String headedText = V2_HEADER + "\n" + join(headed.subList(0, n / 4), "\n") + "\n\n"
                    + join(headed.subList(n / 4, headed.size()), "\n") + "\n";
            byte[] headedBytes = utf8(headedText);
            String headedKey = object("v2-header-lf", arrival(h0, 0), headedBytes, false, headed, null);

            List<Written> crlf = v2Lines(h0, arrival(h0, 1), n);
            object("v2-crlf-no-final-newline", arrival(h0, 1), utf8(join(crlf, "\r\n")), false, crlf, null);

            List<Written> bad = v2Lines(h0, arrival(h0, 2), n);
            FlowLogLine sample = bad.get(0).flow();
            String rendered = sample.render();
            bad.add(2, new Written(rendered.substring(0, rendered.lastIndexOf(' ')), null, ReasonCode.SCHEMA_MISMATCH));
            String[] fields = rendered.split(" ");
            fields[9] = fields[9] + "B";
            bad.add(5, new Written(String.join(" ", fields), null, ReasonCode.SCHEMA_MISMATCH));
            fields = rendered.split(" ");
            fields[10] = "-";
            bad.add(7, new Written(String.join(" ", fields), null, ReasonCode.BAD_TIMESTAMP));
            object("v2-gzip-bad-lines", arrival(h0, 2), LandingFiles.gzip(utf8(join(bad, "\n") + "\n")), true, bad, null);

            List<Written> v5 = new ArrayList<>();
            for (Written w : v2Lines(h1, arrival(h1, 0), n)) {
                v5.add(new Written(renderV5(w.flow()), w.flow(), null));
            }
            object("v5-header-user-order", arrival(h1, 0), utf8(V5_HEADER + "\n" + join(v5, "\n") + "\n"), false, v5, null);

            List<Written> members = v2Lines(h1, arrival(h1, 1), n);
            int half = members.size() / 2;
            byte[] twoMembers = concat(LandingFiles.gzip(utf8(join(members.subList(0, half), "\n") + "\n")),
                    LandingFiles.gzip(utf8(join(members.subList(half, members.size()), "\n") + "\n")));
            object("v2-gzip-multi-member", arrival(h1, 1), twoMembers, true, members, null);

            object("redelivery", arrival(h1, 2), headedBytes, false, headed, headedKey);

            objects.sort(Comparator.comparing(FlowLinesObject::key));
            return new FlowLinesWritten(landingRoot, settings, objects, plan);
        }

        private Instant arrival(Instant hour, int slot) {
            return hour.plusSeconds(600L + slot * 1000L + 37L * (slot + 1));
        }

        private List<Written> v2Lines(Instant hour, Instant arrival, int count) {
            List<Written> lines = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long window = flows.windowSeconds();
                long hi = arrival.getEpochSecond() - window - 31;
                long lo = random.nextInt(8) == 0 ? hour.getEpochSecond() - 900 : hour.getEpochSecond();
                long start = lo + random.nextInt((int) (hi - lo + 1));
                FlowLogLine flow = flows.next(random.nextInt(flows.interfaceCount()), start, window);
                lines.add(new Written(flow.render(), flow, null));
            }
            return lines;
        }

        /** A NODATA or SKIPDATA line of an interface. */
        private Written idle(String interfaceId, String status, Instant hour) {
            long start = hour.getEpochSecond() + 60 + random.nextInt(240);
            FlowLogLine line = new FlowLogLine(2, settings.accountId(), interfaceId, null, null, null, null, null,
                    null, null, start, start + 60, null, status);
            return new Written(line.render(), line, null);
        }

        private String renderV5(FlowLogLine f) {
            boolean data = "OK".equals(f.logStatus());
            boolean egress = data && f.srcaddr() != null && f.srcaddr().startsWith("10.");
            String service = egress && random.nextInt(4) == 0 ? "S3" : "-";
            String path = egress ? String.valueOf(1 + random.nextInt(8)) : "-";
            StringJoiner line = new StringJoiner(" ");
            for (Object v : new Object[] {f.start(), f.interfaceId(), data ? (egress ? "egress" : "ingress") : null,
                    f.srcaddr(), f.dstaddr(), f.action(), f.bytes(), f.packets(), f.protocol(), f.srcport(), f.dstport(),
                    f.logStatus(), 5, service, path, VPC_ID, f.accountId(), f.end()}) {
                line.add(Objects.toString(v, "-"));
            }
            return line.toString();
        }

        private String object(String trap, Instant arrival, byte[] bytes, boolean gzip, List<Written> lines, String copyOf)
                throws IOException {
            String key = GeneratedObjectKey.seeded(FAMILY, arrival, settings.deliveryStream(), 1, random).render();
            LandingFiles.write(landingRoot, key, bytes);
            objects.add(new FlowLinesObject(key, trap, gzip, bytes.length, lines.size(), copyOf));
            for (int i = 0; i < lines.size(); i++) {
                Written line = lines.get(i);
                plan.add(new PlannedFlowLine(key, i, line.text(), line.flow(), line.reason(), copyOf));
            }
            return key;
        }
    }

    private static String join(List<Written> lines, String separator) {
        return String.join(separator, lines.stream().map(Written::text).toList());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
