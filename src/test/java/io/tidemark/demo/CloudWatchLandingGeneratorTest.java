package io.tidemark.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudWatchLandingGeneratorTest {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    @TempDir
    static Path shared;
    static GeneratedLanding small;

    @BeforeAll
    static void generateSmall() throws IOException {
        small = GeneratedLanding.of(new CloudWatchLandingGenerator(CloudWatchLandingSettings.small()).generate(shared.resolve("small")));
    }

    @Test
    void sameSeedGivesByteIdenticalTree(@TempDir Path again) throws IOException {
        new CloudWatchLandingGenerator(CloudWatchLandingSettings.small()).generate(again);

        assertThat(digests(again)).isEqualTo(digests(small.landingRoot())).isNotEmpty();
    }

    @Test
    void otherSeedGivesOtherTree(@TempDir Path other) throws IOException {
        new CloudWatchLandingGenerator(CloudWatchLandingSettings.small().withSeed(7)).generate(other);

        assertThat(digests(other)).isNotEqualTo(digests(small.landingRoot()));
    }

    @Test
    void groundTruthListsExactlyTheFilesOnDisk() throws IOException {
        TreeMap<String, String> onDisk = digests(small.landingRoot());

        assertThat(onDisk.keySet()).containsExactlyElementsOf(small.objects().stream().map(WrittenObject::key).toList());
        assertThat(small.objectsWritten()).isEqualTo(2 * 4 + 2);
        for (WrittenObject object : small.objects()) {
            assertThat(Files.size(small.pathOf(object))).isEqualTo(object.sizeBytes());
        }
    }

    @Test
    void keysFollowTheFirehoseLayout() {
        for (WrittenObject object : small.objects()) {
            assertThat(object.key()).matches("cwlogs/\\d{4}/\\d{2}/\\d{2}/\\d{2}/cwlogs-to-s3-1-"
                    + "\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            String[] parts = object.key().split("/");
            String prefixTime = parts[1] + "-" + parts[2] + "-" + parts[3] + "-" + parts[4];
            assertThat(parts[5]).startsWith("cwlogs-to-s3-1-" + prefixTime + "-");
        }
    }

    @Test
    void everyReadableObjectDecompressesToTheExpectedEnvelopesAndEvents() throws IOException {
        for (WrittenObject object : small.objects()) {
            if (object.kind() == ObjectKind.GARBAGE) {
                continue;
            }
            GzipEnvelopeReader.ReadBack back = GzipEnvelopeReader.read(Files.readAllBytes(small.pathOf(object)));

            assertThat(back.complete()).as(object.key()).isEqualTo(object.kind() != ObjectKind.TRUNCATED);
            assertThat(back.envelopes()).as(object.key()).hasSize(object.readableEnvelopes());
            assertThat(back.events()).as(object.key()).isEqualTo(object.readableEvents());
        }
    }

    @Test
    void independentReadBackMatchesTheGroundTruth() throws IOException {
        Set<String> ids = new HashSet<>();
        long flows = 0;
        long apps = 0;
        long malformed = 0;
        long controls = 0;
        long duplicates = 0;
        TreeMap<DayAction, FlowTotals> byDayAction = new TreeMap<>();
        for (WrittenObject object : small.objects()) {
            if (object.kind() == ObjectKind.GARBAGE) {
                continue;
            }
            for (JsonNode envelope : GzipEnvelopeReader.read(Files.readAllBytes(small.pathOf(object))).envelopes()) {
                boolean flowGroup = envelope.get("logGroup").asText().matches("(?i).*flow-?logs.*");
                for (JsonNode event : envelope.get("logEvents")) {
                    String message = event.get("message").asText();
                    if (envelope.get("messageType").asText().equals("CONTROL_MESSAGE")) {
                        controls++;
                    } else if (!ids.add(event.get("id").asText())) {
                        duplicates++;
                    } else if (!flowGroup) {
                        apps++;
                    } else if (!FlowLineCheck.wellFormed(message)) {
                        malformed++;
                    } else {
                        flows++;
                        String[] f = message.split(" ");
                        if (f[13].equals("OK") && !f[12].equals("-")) {
                            String date = DATE.format(Instant.ofEpochSecond(Long.parseLong(f[10])));
                            byDayAction.merge(new DayAction(date, f[12]),
                                    new FlowTotals(1, Long.parseLong(f[8]), Long.parseLong(f[9])), FlowTotals::plus);
                        }
                    }
                }
            }
        }

        assertThat(flows).isEqualTo(small.flowEvents());
        assertThat(apps).isEqualTo(small.appEvents());
        assertThat(controls).isEqualTo(small.controlMessages()).isEqualTo(1);
        assertThat(duplicates).isEqualTo(small.redeliveredEvents()).isPositive();
        assertThat(small.quarantinedByReason()).containsExactly(
                java.util.Map.entry("CORRUPT_COMPRESSION", 1L),
                java.util.Map.entry("SCHEMA_MISMATCH", malformed),
                java.util.Map.entry("TRUNCATED_OBJECT", 1L));
        assertThat(malformed).isEqualTo(3);
        assertThat(byDayAction).isEqualTo(small.flowsByDayAction());
    }

    @Test
    void warehouseFiguresAreConsistentWithEachOther() {
        TreeMap<DayAction, FlowTotals> fromHourly = new TreeMap<>();
        small.flowsHourly().forEach((k, v) -> fromHourly.merge(new DayAction(k.date(), k.action()), v, FlowTotals::plus));
        assertThat(fromHourly).isEqualTo(small.flowsByDayAction());

        TreeMap<DayAction, FlowTotals> fromRejects = new TreeMap<>();
        small.rejectsByInterfaceDay().forEach((k, v) -> fromRejects.merge(new DayAction(k.date(), "REJECT"), v, FlowTotals::plus));
        assertThat(fromRejects).isEqualTo(small.flowsByDayAction().entrySet().stream()
                .filter(e -> e.getKey().action().equals("REJECT"))
                .collect(TreeMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), TreeMap::putAll));

        assertThat(small.flowRowsByPartition().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(small.flowEvents());
        assertThat(small.appRowsByPartition().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(small.appEvents());
        // late data: some flows start in the hour before the first landing hour
        assertThat(small.flowRowsByPartition()).containsKey("dt=2026-11-24/hr=09");
        assertThat(small.flowsByDayAction().keySet()).extracting(DayAction::action).containsOnly("ACCEPT", "REJECT");
    }

    @Test
    void eventCountsAddUp() {
        WrittenObject truncated = small.objectsOfKind(ObjectKind.TRUNCATED).get(0);
        long readable = small.objects().stream().mapToLong(WrittenObject::readableEvents).sum();

        assertThat(small.lostEvents()).isEqualTo(truncated.eventsWritten() - truncated.readableEvents()).isPositive();
        assertThat(readable).isEqualTo(small.logEventsWritten() - small.lostEvents());
        assertThat(readable).isEqualTo(small.flowEvents() + small.appEvents() + small.controlMessages()
                + small.redeliveredEvents() + small.quarantinedByReason().get("SCHEMA_MISMATCH"));
        assertThat(small.logEventsWritten()).isBetween(1000L, 2500L);
    }

    @Test
    void redeliveredObjectIsAByteCopyUnderTheNextHour() throws IOException {
        List<WrittenObject> copies = small.objectsOfKind(ObjectKind.REDELIVERY);
        assertThat(copies).hasSize(1);
        WrittenObject copy = copies.get(0);
        Path original = small.landingRoot().resolve(copy.copyOf());

        assertThat(Files.readAllBytes(small.pathOf(copy))).isEqualTo(Files.readAllBytes(original));
        assertThat(copy.key()).isNotEqualTo(copy.copyOf());
        assertThat(hourPrefix(copy.key())).isEqualTo("cwlogs/2026/11/24/11");
        assertThat(hourPrefix(copy.copyOf())).isEqualTo("cwlogs/2026/11/24/10");
        assertThat((long) copy.eventsWritten()).isEqualTo(small.redeliveredEvents());
    }

    @Test
    void corruptObjectsFailToDecompressFully() throws IOException {
        WrittenObject truncated = small.objectsOfKind(ObjectKind.TRUNCATED).get(0);
        byte[] body = Files.readAllBytes(small.pathOf(truncated));

        assertThatThrownBy(() -> new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes())
                .isInstanceOf(java.io.EOFException.class);
        assertThat(truncated.readableEnvelopes()).isPositive().isLessThan(truncated.envelopesWritten());

        WrittenObject garbage = small.objectsOfKind(ObjectKind.GARBAGE).get(0);
        byte[] junk = Files.readAllBytes(small.pathOf(garbage));
        assertThatThrownBy(() -> new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(junk)).readAllBytes())
                .isInstanceOf(java.util.zip.ZipException.class);
    }

    @Test
    void contentLooksLikeRealCloudWatchTraffic() throws IOException {
        Set<String> statuses = new HashSet<>();
        Set<String> protocols = new HashSet<>();
        Set<String> actions = new HashSet<>();
        boolean newlineAndTab = false;
        boolean jsonMessage = false;
        for (WrittenObject object : small.objectsOfKind(ObjectKind.DATA)) {
            for (JsonNode envelope : GzipEnvelopeReader.read(Files.readAllBytes(small.pathOf(object))).envelopes()) {
                for (JsonNode event : envelope.get("logEvents")) {
                    String message = event.get("message").asText();
                    if (envelope.get("messageType").asText().equals("DATA_MESSAGE")) {
                        assertThat(event.get("id").asText()).matches("\\d{56}");
                        assertThat(envelope.get("owner").asText()).isEqualTo("111122223333");
                    }
                    if (envelope.get("logGroup").asText().equals("/vpc/prod-flow-logs") && FlowLineCheck.wellFormed(message)) {
                        String[] f = message.split(" ");
                        statuses.add(f[13]);
                        protocols.add(f[7]);
                        actions.add(f[12]);
                        assertThat(event.get("timestamp").asLong()).isGreaterThan(Long.parseLong(f[11]) * 1000);
                    }
                    newlineAndTab |= message.contains("\n") && message.contains("\t");
                    jsonMessage |= message.startsWith("{\"level\"");
                }
            }
        }
        assertThat(statuses).contains("OK", "NODATA", "SKIPDATA");
        assertThat(protocols).contains("1", "6", "17", "-");
        assertThat(actions).contains("ACCEPT", "REJECT", "-");
        assertThat(newlineAndTab).isTrue();
        assertThat(jsonMessage).isTrue();
    }

    @Test
    void refusesToWriteIntoANonEmptyPrefix() {
        assertThatThrownBy(() -> new CloudWatchLandingGenerator(CloudWatchLandingSettings.small()).generate(small.landingRoot()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void demoPresetHasTwentyToFortyThousandEvents(@TempDir Path demo) throws IOException {
        GeneratedLanding landing = GeneratedLanding.of(new CloudWatchLandingGenerator(CloudWatchLandingSettings.demo()).generate(demo));

        assertThat(landing.logEventsWritten()).isBetween(20_000L, 40_000L);
        assertThat(landing.flowEvents() + landing.appEvents()).isBetween(20_000L, 40_000L);
        assertThat(landing.objectsWritten()).isEqualTo(3 * 10 + 2);
        assertThat(landing.flowsByDayAction()).isNotEmpty();
    }

    @Test
    void landingAcrossMidnightSplitsTheDailyFiguresByDateOfStart(@TempDir Path dir) throws IOException {
        CloudWatchLandingSettings settings =
                CloudWatchLandingSettings.small().withFirstHour(Instant.parse("2026-11-24T23:00:00Z"));
        GeneratedLanding landing = GeneratedLanding.of(new CloudWatchLandingGenerator(settings).generate(dir));

        assertThat(landing.flowsByDayAction().keySet()).extracting(DayAction::date)
                .containsOnly("2026-11-24", "2026-11-25");
        assertThat(landing.rejectsByInterfaceDay().keySet()).extracting(InterfaceDay::date)
                .contains("2026-11-24", "2026-11-25");
        assertThat(landing.objectsOfKind(ObjectKind.REDELIVERY).get(0).key()).startsWith("cwlogs/2026/11/25/00/");
    }

    private static String hourPrefix(String key) {
        return key.substring(0, key.lastIndexOf('/'));
    }

    private static TreeMap<String, String> digests(Path root) throws IOException {
        TreeMap<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                digests.put(root.relativize(file).toString().replace('\\', '/'), sha256(Files.readAllBytes(file)));
            }
        }
        return digests;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
