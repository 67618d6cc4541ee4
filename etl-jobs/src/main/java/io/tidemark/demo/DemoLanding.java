package io.tidemark.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample landing zone of {@code tidemark demo}: every raw family's generator, each writing under its own
 * landing prefix with its traps, and a small CloudWatch Logs landing under the custom Hive-style prefix of the
 * {@code cwlogs_custom_prefix} job. A family whose prefix already exists is left as it is.
 */
public final class DemoLanding {
    /** Where the {@code cwlogs_custom_prefix} job's stream writes (its {@code landingPrefix} before the timestamp). */
    public static final String CUSTOM_PREFIX_FOLDER = "logs/cwl";
    /** The timestamp part of that job's {@code landingPrefix}, as a DateTimeFormatter pattern (UTC). */
    public static final DateTimeFormatter CUSTOM_PREFIX_TIME = DateTimeFormatter
            .ofPattern("'year='yyyy'/month='MM'/day='dd'/hour='HH'/'").withZone(ZoneOffset.UTC);
    private static final long CUSTOM_PREFIX_SEED = 20261125L;

    private DemoLanding() {
    }

    /** Generates what is missing under {@code landingRoot}; returns one line per family saying what it holds. */
    public static List<String> generate(Path landingRoot) throws IOException {
        List<String> lines = new ArrayList<>();
        if (absent(landingRoot, CloudWatchLandingGenerator.FAMILY)) {
            CloudWatchWritten cw = new CloudWatchLandingGenerator(CloudWatchLandingSettings.demo()).generate(landingRoot);
            lines.add(String.format("cwlogs/          %3d objects, %6d CloudWatch Logs events (%d flow-log lines, %d app-log events); "
                            + "a control message, a redelivered object, a truncated and a garbage object, malformed lines",
                    cw.objectsWritten(), cw.logEventsWritten(), cw.flowLinesWritten(), cw.appEventsWritten()));
        }
        if (absent(landingRoot, CUSTOM_PREFIX_FOLDER)) {
            CloudWatchWritten custom = new CloudWatchLandingGenerator(CloudWatchLandingSettings.small().withSeed(CUSTOM_PREFIX_SEED),
                    CUSTOM_PREFIX_FOLDER, CUSTOM_PREFIX_TIME).generate(landingRoot);
            lines.add(String.format("logs/cwl/        %3d objects, %6d CloudWatch Logs events under a custom Firehose prefix "
                            + "(year=/month=/day=/hour=, job cwlogs_custom_prefix), with the same traps as cwlogs/",
                    custom.objectsWritten(), custom.logEventsWritten()));
        }
        if (absent(landingRoot, FlowLogLinesLandingGenerator.FAMILY)) {
            FlowLinesWritten lines2 = new FlowLogLinesLandingGenerator(FlowLinesLandingSettings.demo()).generate(landingRoot);
            lines.add(String.format("flowlogs-lines/  %3d objects, %6d lines; v2 and a custom v5 format with header lines, "
                            + "CRLF, gzip members, a redelivered object, malformed lines",
                    lines2.objects().size(), lines2.linesWritten()));
        }
        if (absent(landingRoot, SesLandingGenerator.FAMILY)) {
            SesWritten ses = new SesLandingGenerator(SesLandingSettings.defaults()).generate(landingRoot);
            lines.add(String.format("ses/             %3d objects, %6d SES events (%d event x recipient rows); every event type, "
                            + "a redelivered record, malformed, unknown-type, keyless and badly timed records",
                    ses.objects().size(), ses.recordsWritten(), ses.rowsWritten()));
        }
        if (absent(landingRoot, GuardDutyLandingGenerator.FAMILY)) {
            GuardDutyWritten gd = new GuardDutyLandingGenerator(GuardDutyLandingSettings.demo()).generate(landingRoot);
            lines.add(String.format("guardduty/       %3d objects, %6d EventBridge events (%d finding updates); "
                            + "concatenated without delimiters, a redelivery, a CloudTrail event, bad records",
                    gd.objectKeys().size(), gd.documentsWritten(), gd.updatesWritten()));
        }
        if (absent(landingRoot, "aurora-sales") && absent(landingRoot, "dms") && absent(landingRoot, "debezium")) {
            SalesCdcWritten sales = new SalesCdcLandingGenerator(SalesCdcLandingSettings.demo()).generate(landingRoot);
            lines.add(String.format("aurora-sales/, dms/, debezium/  %d objects: one sales table's changes through three feeds %s; "
                            + "redeliveries, a delete-then-reinsert, out-of-order updates, tombstones, quoted CSV, bad rows",
                    sales.objects().size(), sales.changesWritten()));
        }
        if (absent(landingRoot, ClickstreamLandingGenerator.FAMILY)) {
            ClickstreamWritten clicks = new ClickstreamLandingGenerator(ClickstreamLandingSettings.demo()).generate(landingRoot);
            lines.add(String.format("clickstream/     %3d objects, %6d click records; LF, CRLF and concatenated framing, gzip, "
                            + "ids as strings, an unknown action, redeliveries, missing timestamps, bad records",
                    clicks.objects().size(), clicks.documentsWritten()));
        }
        if (absent(landingRoot, UsersReferenceGenerator.FAMILY)) {
            UsersReferenceWritten users = new UsersReferenceGenerator(UsersReferenceSettings.demo()).generate(landingRoot);
            lines.add(String.format("reference/users/ %3d daily snapshots; %d users changed attributes, %d new; "
                            + "CRLF, reordered header, quoted comma", users.keys().size(), users.changedUserIds().size(),
                    users.newUserIds().size()));
        }
        return lines;
    }

    private static boolean absent(Path landingRoot, String prefix) {
        return !Files.isDirectory(landingRoot.resolve(prefix));
    }
}
