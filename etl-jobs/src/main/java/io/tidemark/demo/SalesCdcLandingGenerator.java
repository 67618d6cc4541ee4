package io.tidemark.demo;

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
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * Writes one history of the source {@code sales} table through the three feeds of the {@code sales_changes}
 * dataset, and returns what it wrote with its plan: every change row with its fate (stored, or a redelivery of an
 * earlier one), every bad row with its quarantine reason, every tombstone.
 *
 * <p>The history: {@code initialSales} sales ordered over the year before {@code day} (every season and weekday,
 * as the seed's historical Sales table loaded through the trigger; the last one the day before), then four
 * one-minute batches of changes from
 * {@code day} 10:15 UTC: two new sales (one with a referral holding a comma, quotes and a newline), price, quantity,
 * category ({@code Home, Garden}) and referral-to-null updates, a delete, a delete-then-reinsert (S0003), and two
 * updates of S0006 that Debezium delivers out of order.
 * <ul>
 *   <li>{@code aurora-sales/YYYY/MM/DD/HH/<stream>-1-<time>-<uuid>}: every insert as the trigger's CSV line. The
 *       initial sales object is gzip, CRLF, with a blank line, and arrives the day before {@code day}, whatever the
 *       sales' order dates (their change time is that arrival); it is redelivered byte for byte an hour later
 *       (duplicates). The CDC-day object has no final newline and bad lines: 7 fields, and the sale whose referral
 *       holds a comma and a newline written unquoted (9 fields + 1 field): 3 MALFORMED_CSV; price {@code 12.5O}:
 *       SCHEMA_MISMATCH; OrderDate {@code 24/11/2026 10:16:00}: BAD_TIMESTAMP.</li>
 *   <li>{@code dms/shop/public/sales/}: the full load in {@code LOAD00000001.csv} and {@code LOAD00000002.csv.gz}
 *       (gzip), one CDC file per batch named by the batch's end {@code yyyyMMdd-HHmmss000.csv}; NULL markers, a
 *       quoted string "NULL", and in the last file three bad rows (unknown Op, NULL key, 9 fields).</li>
 *   <li>{@code debezium/shop.public.sales/shop.public.sales+0+<offset>.json}: one JSON event per line, no schema;
 *       the snapshot (r) of the initial sales, then the changes (c/u/d, a tombstone line {@code null} after every
 *       delete, a truncate event: UNKNOWN_RECORD_TYPE, a base64 price without schema: SCHEMA_MISMATCH), then a
 *       file that redelivers the last three events.</li>
 * </ul>
 * DMS full-load rows are assumed to be read in the window of {@code day} (change time {@code day} 00:00).
 */
public final class SalesCdcLandingGenerator {
    /** The feeds, as the {@code source} of a planned change. */
    public static final String AURORA = "aurora";
    public static final String DMS = "dms";
    public static final String DEBEZIUM = "debezium";
    public static final String AURORA_PREFIX = "aurora-sales/";
    private static final String AURORA_FAMILY = "aurora-sales";
    private static final String AURORA_STREAM = "aurora-sales";
    public static final String DMS_PREFIX = "dms/shop/public/sales/";
    public static final String DEBEZIUM_PREFIX = "debezium/shop.public.sales/";
    private static final String TOPIC = "shop.public.sales";
    private static final String BINLOG = "mysql-bin.000003";
    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DMS_FILE = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final List<String> CATEGORIES = List.of("Books", "Electronics", "Toys", "Garden", "Sports");
    private static final List<String> STATES = List.of("CA", "NY", "TX", "WA", "FL", "IL");
    private static final List<String> SHIPPING = List.of("Standard", "Express", "Overnight");
    private static final List<String> REFERRALS = List.of("Google", "Facebook", "Instagram", "Direct");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SalesCdcLandingSettings settings;

    public SalesCdcLandingGenerator(SalesCdcLandingSettings settings) {
        this.settings = settings;
    }

    /** Writes the three feeds under {@code landingRoot}; their prefixes must not hold files yet. */
    public SalesCdcWritten generate(Path landingRoot) throws IOException {
        for (String prefix : List.of(AURORA_PREFIX, "dms/", "debezium/")) {
            LandingFiles.refuseNonEmpty(landingRoot.resolve(prefix));
        }
        Run run = new Run(new Random(settings.seed()), landingRoot);
        run.history();
        run.aurora();
        run.dms();
        run.debezium();
        run.objects.sort(Comparator.comparing(SalesCdcObject::key));
        return new SalesCdcWritten(landingRoot, settings, run.objects, settings.day(), run.changes, run.quarantined,
                run.tombstones);
    }

    /** One physical line of an Aurora object: a planned insert ({@code row}), a bad line ({@code reason}), or blank. */
    private record AuroraLine(String text, SaleRow row, ReasonCode reason) {
        static final AuroraLine BLANK = new AuroraLine("", null, null);
    }

    private final class Run {
        private final Random random;
        private final Path root;
        private final List<PlannedSalesChange> changes = new ArrayList<>();
        private final List<PlannedSalesQuarantine> quarantined = new ArrayList<>();
        private long tombstones;
        private final List<SalesCdcObject> objects = new ArrayList<>();
        private final List<SaleRow> initial = new ArrayList<>();
        private final List<List<TableChange>> batches = new ArrayList<>();
        private final Instant cdcStart;
        private long pos = 1_000;

        Run(Random random, Path root) {
            this.random = random;
            this.root = root;
            this.cdcStart = settings.day().atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofMinutes(615));
        }

        // ---------------------------------------------------------------- the table's history

        void history() {
            Instant dayBefore = settings.day().minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            int n = settings.initialSales();
            for (int i = 1; i <= n; i++) {
                // spread over the 365 days up to the day before: sale n is ordered the day before at 08:00
                long daysBack = (long) (n - i) * 364 / Math.max(1, n - 1);
                Instant ordered = dayBefore.minus(Duration.ofDays(daysBack))
                        .plusSeconds(8 * 3600 + (i - 1) % 12 * 3600 + random.nextInt(40));
                SaleRow row = newRow(i, ordered);
                initial.add(i == 7 ? row.withReferral(null) : row);
            }
            Map<String, SaleRow> table = new LinkedHashMap<>();
            initial.forEach(r -> table.put(r.saleId(), r));
            for (int b = 0; b < 4; b++) {
                batches.add(new ArrayList<>());
            }
            SaleRow firstNew = newRow(n + 1, at(0, 5)).withReferral("Email, \"Black Friday\"\nnewsletter");
            insert(table, 0, 5, firstNew);
            update(table, 0, 20, table.get(id(1)).withPrice(table.get(id(1)).priceCents() + 250));
            update(table, 0, 40, table.get(id(2)).withReferral(null));
            delete(table, 1, 8, id(3));
            update(table, 1, 30, table.get(id(1)).withQuantity(table.get(id(1)).quantity() + 4));
            insert(table, 1, 50, newRow(n + 2, at(1, 50)));
            insert(table, 2, 10, newRow(3, at(2, 10)).withReferral("NULL"));
            update(table, 2, 25, table.get(id(4)).withCategory("Home, Garden"));
            delete(table, 2, 45, id(5));
            update(table, 3, 10, table.get(id(6)).withPrice(1_999));
            update(table, 3, 20, table.get(id(n + 1)).withPrice(table.get(id(n + 1)).priceCents() - 100));
            update(table, 3, 40, table.get(id(6)).withPrice(2_499));
        }

        private Instant at(int batch, int second) {
            return cdcStart.plusSeconds(60L * batch + second);
        }

        private String id(int i) {
            return String.format("S%04d", i);
        }

        private SaleRow newRow(int i, Instant ordered) {
            return new SaleRow(id(i), String.format("I-%05d", 10_000 + i * 7 + random.nextInt(7)),
                    CATEGORIES.get(random.nextInt(CATEGORIES.size())), 199 + random.nextInt(20_000), 1 + random.nextInt(5),
                    ordered, STATES.get(random.nextInt(STATES.size())), SHIPPING.get(random.nextInt(SHIPPING.size())),
                    REFERRALS.get(random.nextInt(REFERRALS.size())));
        }

        private void insert(Map<String, SaleRow> table, int batch, int second, SaleRow row) {
            table.put(row.saleId(), row);
            batches.get(batch).add(new TableChange(at(batch, second), "I", null, row, pos += 311));
        }

        private void update(Map<String, SaleRow> table, int batch, int second, SaleRow row) {
            SaleRow before = table.put(row.saleId(), row);
            batches.get(batch).add(new TableChange(at(batch, second), "U", before, row, pos += 311));
        }

        private void delete(Map<String, SaleRow> table, int batch, int second, String saleId) {
            SaleRow before = table.remove(saleId);
            batches.get(batch).add(new TableChange(at(batch, second), "D", before, null, pos += 311));
        }

        // ---------------------------------------------------------------- Aurora trigger CSV

        void aurora() throws IOException {
            List<AuroraLine> initialLines = new ArrayList<>();
            for (int i = 0; i < initial.size(); i++) {
                initialLines.addAll(auroraLines(initial.get(i)));
                if (i == 2) {
                    initialLines.add(AuroraLine.BLANK);
                }
            }
            StringBuilder initialBody = new StringBuilder();
            initialLines.forEach(l -> initialBody.append(l.text()).append("\r\n"));
            Instant arrival = settings.day().minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                    .plusSeconds(20 * 3600 + 120);
            String original = auroraKey(arrival);
            byte[] gz = gzip(initialBody.toString());
            write(original, gz, AURORA, null);
            planAurora(original, arrival, initialLines, null);
            Instant redelivered = arrival.plusSeconds(3600 + 17);
            String copy = auroraKey(redelivered);
            write(copy, gz, AURORA, original);
            planAurora(copy, redelivered, initialLines, original);

            List<List<AuroraLine>> inserts = new ArrayList<>();
            for (List<TableChange> batch : batches) {
                batch.stream().filter(c -> c.op().equals("I")).forEach(c -> inserts.add(auroraLines(c.after())));
            }
            inserts.add(1, List.of(new AuroraLine("I-99001,Books,12.50,1,2026-11-24 10:16:00,NY,Standard", null,
                    ReasonCode.MALFORMED_CSV)));
            inserts.add(3, List.of(new AuroraLine("I-99002,Books,12.5O,1,2026-11-24 10:16:00,NY,Standard,Google", null,
                    ReasonCode.SCHEMA_MISMATCH)));
            inserts.add(List.of(new AuroraLine("I-99003,Books,12.50,1,24/11/2026 10:16:00,NY,Standard,Google", null,
                    ReasonCode.BAD_TIMESTAMP)));
            List<AuroraLine> lines = inserts.stream().flatMap(List::stream).toList();
            String body = String.join("\n", lines.stream().map(AuroraLine::text).toList());
            Instant cdcArrival = at(3, 59).plusSeconds(65);
            String key = auroraKey(cdcArrival);
            write(key, body.getBytes(StandardCharsets.UTF_8), AURORA, null);
            planAurora(key, cdcArrival, lines, null);
        }

        private String auroraLine(SaleRow r) {
            return String.join(",", r.itemId(), r.category(), r.priceText(), Integer.toString(r.quantity()),
                    SQL_TIME.format(r.orderDate()), r.destinationState(), r.shippingType(),
                    r.referral() == null ? "" : r.referral());
        }

        /**
         * The physical lines the trigger's Lambda writes for one insert. It writes fields unquoted and a null as an
         * empty field, so a value holding a comma or a line break breaks the row into lines of the wrong width (the
         * referral with a comma and a newline: a 9-field and a 1-field line), each MALFORMED_CSV.
         */
        private List<AuroraLine> auroraLines(SaleRow r) {
            String text = auroraLine(r);
            boolean breaks = Stream.of(r.itemId(), r.category(), r.destinationState(), r.shippingType(),
                    r.referral()).anyMatch(v -> v != null && (v.contains(",") || v.contains("\n") || v.contains("\r")));
            if (!breaks) {
                return List.of(new AuroraLine(text, r.referral() == null ? r.withReferral("") : r, null));
            }
            return Arrays.stream(text.split("\r\n|\n", -1))
                    .map(piece -> new AuroraLine(piece, null, ReasonCode.MALFORMED_CSV)).toList();
        }

        private String auroraKey(Instant arrival) {
            return GeneratedObjectKey.seeded(AURORA_FAMILY, arrival, AURORA_STREAM, 1, random).render();
        }

        /**
         * Plans an Aurora object's lines, numbered from 1 in the object. Every insert changes at the object's arrival
         * (the trigger fired then), whatever its OrderDate; its sale_id is the feed's deterministic id, the SHA-256 of
         * the line. The lines of a redelivered copy are redeliveries of the original's line at the same place.
         */
        private void planAurora(String key, Instant arrival, List<AuroraLine> lines, String copyOf) {
            for (int i = 0; i < lines.size(); i++) {
                AuroraLine line = lines.get(i);
                if (line.reason() != null) {
                    quarantined.add(new PlannedSalesQuarantine(AURORA, line.text(), line.reason()));
                } else if (line.row() != null) {
                    changes.add(new PlannedSalesChange(AURORA, "I", DigestUtils.sha256Hex(line.text()), arrival,
                            position(key, i + 1), line.row(), copyOf == null ? null : position(copyOf, i + 1)));
                }
            }
        }

        private String position(String object, int record) {
            return object + ":" + String.format("%010d", record);
        }

        // ---------------------------------------------------------------- DMS

        void dms() throws IOException {
            Instant load = settings.day().atStartOfDay(ZoneOffset.UTC).toInstant();
            int half = initial.size() / 2;
            dmsLoad("LOAD00000001.csv", initial.subList(0, half), load, false);
            dmsLoad("LOAD00000002.csv.gz", initial.subList(half, initial.size()), load, true);
            for (int b = 0; b < batches.size(); b++) {
                Instant end = at(b + 1, 0);
                String name = DMS_FILE.format(end) + "000.csv";
                StringBuilder body = new StringBuilder();
                int record = 0;
                for (TableChange c : batches.get(b)) {
                    SaleRow image = c.op().equals("D") ? c.before() : c.after();
                    body.append(c.op()).append(',').append(dmsFields(image)).append('\n');
                    changes.add(new PlannedSalesChange(DMS, c.op(), image.saleId(), end, position(name, ++record), image,
                            null));
                }
                if (b == batches.size() - 1) {
                    body.append("X,").append(dmsFields(initial.get(0))).append('\n');
                    body.append("U,NULL,").append(dmsFields(initial.get(0)).substring(6)).append('\n');
                    body.append("U,").append(dmsFields(initial.get(0)).replaceFirst(",[^,]*$", "")).append('\n');
                    String[] bad = body.toString().split("\n");
                    quarantined.add(new PlannedSalesQuarantine(DMS, bad[bad.length - 3], ReasonCode.UNKNOWN_RECORD_TYPE));
                    quarantined.add(new PlannedSalesQuarantine(DMS, bad[bad.length - 2], ReasonCode.MISSING_KEY));
                    quarantined.add(new PlannedSalesQuarantine(DMS, bad[bad.length - 1], ReasonCode.MALFORMED_CSV));
                }
                write(DMS_PREFIX + name, body.toString().getBytes(StandardCharsets.UTF_8), DMS, null);
            }
        }

        private void dmsLoad(String name, List<SaleRow> rows, Instant load, boolean gzip) throws IOException {
            StringBuilder body = new StringBuilder();
            int record = 0;
            for (SaleRow r : rows) {
                body.append(dmsFields(r)).append('\n');
                changes.add(new PlannedSalesChange(DMS, "I", r.saleId(), load, position(name, ++record), r, null));
            }
            String text = body.toString();
            write(DMS_PREFIX + name, gzip ? gzip(text) : text.getBytes(StandardCharsets.UTF_8), DMS, null);
        }

        private String dmsFields(SaleRow r) {
            return String.join(",", r.saleId(), csv(r.itemId()), csv(r.category()), r.priceText(),
                    Integer.toString(r.quantity()), SQL_TIME.format(r.orderDate()), csv(r.destinationState()),
                    csv(r.shippingType()), csv(r.referral()));
        }

        private String csv(String value) {
            if (value == null) {
                return "NULL";
            }
            if (value.equals("NULL") || value.contains(",") || value.contains("\"") || value.contains("\n")
                    || value.contains("\r")) {
                return "\"" + value.replace("\"", "\"\"") + "\"";
            }
            return value;
        }

        // ---------------------------------------------------------------- Debezium

        void debezium() throws IOException {
            Instant snapshot = settings.day().atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(9 * 3600);
            List<String> snapshotLines = new ArrayList<>();
            for (SaleRow r : initial) {
                snapshotLines.add(event("r", null, r, snapshot, 4, true));
                changes.add(new PlannedSalesChange(DEBEZIUM, "I", r.saleId(), snapshot, seq(4), r, null));
            }
            writeLines(0, snapshotLines);

            List<TableChange> delivered = new ArrayList<>();
            batches.forEach(delivered::addAll);
            int firstStale = -1;
            for (int i = 0; i < delivered.size(); i++) {
                if (delivered.get(i).saleId().equals(id(6)) && firstStale < 0) {
                    firstStale = i;
                }
            }
            // Debezium delivers S0006's second update before its first one (out of order)
            int secondStale = delivered.size() - 1;
            TableChange stale = delivered.remove(firstStale);
            delivered.add(secondStale, stale);

            List<String> lines = new ArrayList<>();
            List<String> valid = new ArrayList<>();
            for (TableChange c : delivered) {
                SaleRow before = c.op().equals("D") ? new SaleRow(c.before().saleId(), null, null, 0, 0, null, null, null, null)
                        : c.before();
                String line = event(c.op().equals("I") ? "c" : c.op().toLowerCase(), before, c.after(), c.commit(),
                        c.binlogPos(), false);
                lines.add(line);
                valid.add(line);
                changes.add(debeziumChange(c, null));
                if (c.op().equals("D")) {
                    lines.add("null");
                    tombstones++;
                }
                if (lines.size() == 3) {
                    lines.add("{\"before\":null,\"after\":null,\"source\":{\"connector\":\"mysql\",\"ts_ms\":"
                            + c.commit().toEpochMilli() + "},\"op\":\"t\",\"ts_ms\":" + c.commit().toEpochMilli() + "}");
                    quarantined.add(new PlannedSalesQuarantine(DEBEZIUM, lines.get(lines.size() - 1),
                            ReasonCode.UNKNOWN_RECORD_TYPE));
                    lines.add(event("u", initial.get(7), initial.get(7), c.commit(), 999_999, false)
                            .replace("\"price\":\"" + initial.get(7).priceText() + "\"", "\"price\":\"AQI=\""));
                    quarantined.add(new PlannedSalesQuarantine(DEBEZIUM, lines.get(lines.size() - 1),
                            ReasonCode.SCHEMA_MISMATCH));
                }
            }
            writeLines(snapshotLines.size(), lines);
            List<String> redelivered = valid.subList(valid.size() - 3, valid.size());
            writeLines(snapshotLines.size() + lines.size() - 3, redelivered);
            for (TableChange c : delivered.subList(delivered.size() - 3, delivered.size())) {
                changes.add(debeziumChange(c, seq(c.binlogPos())));
            }
        }

        /** A change event as planned: a delete's before-image carries the key alone (no image). */
        private PlannedSalesChange debeziumChange(TableChange c, String duplicateOf) {
            return new PlannedSalesChange(DEBEZIUM, c.op(), c.saleId(), c.commit(), seq(c.binlogPos()),
                    c.op().equals("D") ? null : c.after(), duplicateOf);
        }

        private String seq(long binlogPos) {
            return "mysql:" + BINLOG + ":" + String.format("%020d", binlogPos) + ":" + String.format("%010d", 0);
        }

        private String event(String op, SaleRow before, SaleRow after, Instant commit, long binlogPos, boolean snapshot) {
            ObjectNode e = JSON.createObjectNode();
            e.set("before", before == null ? null : row(before, snapshot));
            e.set("after", after == null ? null : row(after, snapshot));
            ObjectNode source = e.putObject("source");
            source.put("version", "2.5.0.Final").put("connector", "mysql").put("name", "shop")
                    .put("ts_ms", commit.toEpochMilli()).put("snapshot", snapshot ? "true" : "false").put("db", "shop")
                    .put("table", "sales").put("server_id", 223344).put("file", BINLOG).put("pos", binlogPos).put("row", 0);
            e.put("op", op);
            e.put("ts_ms", commit.toEpochMilli() + 250);
            e.putNull("transaction");
            return e.toString();
        }

        /** Snapshot rows carry prices as JSON numbers, change events as strings (decimal.handling.mode=string). */
        private ObjectNode row(SaleRow r, boolean numericPrice) {
            ObjectNode n = JSON.createObjectNode();
            n.put("sale_id", r.saleId());
            if (r.itemId() == null) {
                return n;
            }
            n.put("item_id", r.itemId()).put("category", r.category());
            if (numericPrice) {
                n.put("price", new java.math.BigDecimal(r.priceText()));
            } else {
                n.put("price", r.priceText());
            }
            n.put("quantity", r.quantity()).put("order_date", r.orderDate().toEpochMilli())
                    .put("destination_state", r.destinationState()).put("shipping_type", r.shippingType())
                    .put("referral", r.referral());
            return n;
        }

        private void writeLines(long offset, List<String> lines) throws IOException {
            String key = DEBEZIUM_PREFIX + TOPIC + "+0+" + String.format("%010d", offset) + ".json";
            write(key, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8), DEBEZIUM, null);
        }

        // ---------------------------------------------------------------- files

        private void write(String key, byte[] bytes, String source, String copyOf) throws IOException {
            LandingFiles.write(root, key, bytes);
            objects.add(new SalesCdcObject(key, source, copyOf));
        }

        private byte[] gzip(String text) {
            return LandingFiles.gzip(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
