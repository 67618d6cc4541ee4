package io.tidemark.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.landing.ReasonCode;
import io.tidemark.sources.cdc.SalesChange;
import io.tidemark.sources.cdc.SalesImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * Writes one history of the source {@code sales} table through the three feeds of the {@code sales_changes}
 * dataset, and returns the ground truth computed from what was written.
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
    public SalesCdcGroundTruth generate(Path landingRoot) throws IOException {
        for (String prefix : List.of(AURORA_PREFIX, "dms/", "debezium/")) {
            LandingFiles.refuseNonEmpty(landingRoot.resolve(prefix));
        }
        Run run = new Run(new Random(settings.seed()), landingRoot);
        run.history();
        run.aurora();
        run.dms();
        run.debezium();
        run.objects.sort(Comparator.comparing(SalesCdcObject::key));
        return run.truth.build(landingRoot, settings, run.objects, settings.day());
    }

    private final class Run {
        private final Random random;
        private final Path root;
        private final SalesCdcTruthBuilder truth = new SalesCdcTruthBuilder();
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
            StringBuilder initialBody = new StringBuilder();
            for (int i = 0; i < initial.size(); i++) {
                initialBody.append(auroraLine(initial.get(i))).append("\r\n");
                if (i == 2) {
                    initialBody.append("\r\n");
                }
            }
            Instant arrival = settings.day().minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                    .plusSeconds(20 * 3600 + 120);
            String original = auroraKey(arrival);
            byte[] gz = gzip(initialBody.toString());
            write(original, gz, SalesChange.AURORA, null);
            auroraRows(original, arrival, initialBody.toString());
            Instant redelivered = arrival.plusSeconds(3600 + 17);
            String copy = auroraKey(redelivered);
            write(copy, gz, SalesChange.AURORA, original);
            auroraRows(copy, redelivered, initialBody.toString());

            List<String> lines = new ArrayList<>();
            for (List<TableChange> batch : batches) {
                batch.stream().filter(c -> c.op().equals("I")).forEach(c -> lines.add(auroraLine(c.after())));
            }
            lines.add(1, "I-99001,Books,12.50,1,2026-11-24 10:16:00,NY,Standard");
            lines.add(3, "I-99002,Books,12.5O,1,2026-11-24 10:16:00,NY,Standard,Google");
            lines.add(lines.size(), "I-99003,Books,12.50,1,24/11/2026 10:16:00,NY,Standard,Google");
            String body = String.join("\n", lines);
            Instant cdcArrival = at(3, 59).plusSeconds(65);
            String key = auroraKey(cdcArrival);
            write(key, body.getBytes(StandardCharsets.UTF_8), SalesChange.AURORA, null);
            auroraRows(key, cdcArrival, body);
        }

        private String auroraLine(SaleRow r) {
            return String.join(",", r.itemId(), r.category(), r.priceText(), Integer.toString(r.quantity()),
                    SQL_TIME.format(r.orderDate()), r.destinationState(), r.shippingType(),
                    r.referral() == null ? "" : r.referral());
        }

        private String auroraKey(Instant arrival) {
            return GeneratedObjectKey.seeded(AURORA_FAMILY, arrival, AURORA_STREAM, 1, random).render();
        }

        /**
         * The truth for an Aurora body. The Lambda writes fields unquoted, so the referral holding a comma and a
         * newline breaks its line into a 9-field and a 1-field line: both MALFORMED_CSV, as the 7-field line. Every
         * insert changes at the object's arrival (the trigger fired then), whatever its OrderDate.
         */
        private void auroraRows(String key, Instant arrival, String body) {
            String[] lines = body.split("\r\n|\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 8) {
                    truth.quarantine(SalesChange.AURORA, ReasonCode.MALFORMED_CSV);
                    continue;
                }
                if (!f[2].matches("\\d+\\.\\d\\d")) {
                    truth.quarantine(SalesChange.AURORA, ReasonCode.SCHEMA_MISMATCH);
                    continue;
                }
                if (!f[4].matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d")) {
                    truth.quarantine(SalesChange.AURORA, ReasonCode.BAD_TIMESTAMP);
                    continue;
                }
                Instant ordered = SQL_TIME.parse(f[4], Instant::from);
                SalesImage image = new SalesImage(f[0], f[1], Double.parseDouble(f[2]), Integer.parseInt(f[3]), ordered,
                        f[5], f[6], f[7]);
                truth.change(new SalesChange(SalesChange.AURORA, "I", DigestUtils.sha256Hex(line), arrival,
                        key + ":" + String.format("%010d", i + 1), image));
            }
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
                    truth.change(new SalesChange(SalesChange.DMS, c.op(), image.saleId(), end,
                            name + ":" + String.format("%010d", ++record), image.image()));
                }
                if (b == batches.size() - 1) {
                    body.append("X,").append(dmsFields(initial.get(0))).append('\n');
                    body.append("U,NULL,").append(dmsFields(initial.get(0)).substring(6)).append('\n');
                    body.append("U,").append(dmsFields(initial.get(0)).replaceFirst(",[^,]*$", "")).append('\n');
                    truth.quarantine(SalesChange.DMS, ReasonCode.UNKNOWN_RECORD_TYPE);
                    truth.quarantine(SalesChange.DMS, ReasonCode.MISSING_KEY);
                    truth.quarantine(SalesChange.DMS, ReasonCode.MALFORMED_CSV);
                }
                write(DMS_PREFIX + name, body.toString().getBytes(StandardCharsets.UTF_8), SalesChange.DMS, null);
            }
        }

        private void dmsLoad(String name, List<SaleRow> rows, Instant load, boolean gzip) throws IOException {
            StringBuilder body = new StringBuilder();
            int record = 0;
            for (SaleRow r : rows) {
                body.append(dmsFields(r)).append('\n');
                truth.change(new SalesChange(SalesChange.DMS, "I", r.saleId(), load,
                        name + ":" + String.format("%010d", ++record), r.image()));
            }
            String text = body.toString();
            write(DMS_PREFIX + name, gzip ? gzip(text) : text.getBytes(StandardCharsets.UTF_8), SalesChange.DMS, null);
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
                truth.change(new SalesChange(SalesChange.DEBEZIUM, "I", r.saleId(), snapshot, seq(4), r.image()));
            }
            writeLines(0, snapshotLines);

            List<TableChange> changes = new ArrayList<>();
            batches.forEach(changes::addAll);
            int firstStale = -1;
            for (int i = 0; i < changes.size(); i++) {
                if (changes.get(i).saleId().equals(id(6)) && firstStale < 0) {
                    firstStale = i;
                }
            }
            // Debezium delivers S0006's second update before its first one (out of order)
            int secondStale = changes.size() - 1;
            TableChange stale = changes.remove(firstStale);
            changes.add(secondStale, stale);

            List<String> lines = new ArrayList<>();
            List<String> valid = new ArrayList<>();
            for (TableChange c : changes) {
                SaleRow before = c.op().equals("D") ? new SaleRow(c.before().saleId(), null, null, 0, 0, null, null, null, null)
                        : c.before();
                String line = event(c.op().equals("I") ? "c" : c.op().toLowerCase(), before, c.after(), c.commit(),
                        c.binlogPos(), false);
                lines.add(line);
                valid.add(line);
                SalesImage image = c.op().equals("D") ? new SalesImage(null, null, null, null, null, null, null, null)
                        : c.after().image();
                truth.change(new SalesChange(SalesChange.DEBEZIUM, c.op(), c.saleId(), c.commit(), seq(c.binlogPos()), image));
                if (c.op().equals("D")) {
                    lines.add("null");
                    truth.control();
                }
                if (lines.size() == 3) {
                    lines.add("{\"before\":null,\"after\":null,\"source\":{\"connector\":\"mysql\",\"ts_ms\":"
                            + c.commit().toEpochMilli() + "},\"op\":\"t\",\"ts_ms\":" + c.commit().toEpochMilli() + "}");
                    truth.quarantine(SalesChange.DEBEZIUM, ReasonCode.UNKNOWN_RECORD_TYPE);
                    lines.add(event("u", initial.get(7), initial.get(7), c.commit(), 999_999, false)
                            .replace("\"price\":\"" + initial.get(7).priceText() + "\"", "\"price\":\"AQI=\""));
                    truth.quarantine(SalesChange.DEBEZIUM, ReasonCode.SCHEMA_MISMATCH);
                }
            }
            writeLines(snapshotLines.size(), lines);
            List<String> redelivered = valid.subList(valid.size() - 3, valid.size());
            writeLines(snapshotLines.size() + lines.size() - 3, redelivered);
            for (int i = changes.size() - 3; i < changes.size(); i++) {
                TableChange c = changes.get(i);
                SalesImage image = c.op().equals("D") ? new SalesImage(null, null, null, null, null, null, null, null)
                        : c.after().image();
                truth.change(new SalesChange(SalesChange.DEBEZIUM, c.op(), c.saleId(), c.commit(), seq(c.binlogPos()), image));
            }
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
            write(key, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8), SalesChange.DEBEZIUM, null);
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
