package io.tidemark.sources.registry;

import io.tidemark.sources.FirehoseErrorOutputParser;
import io.tidemark.sources.JsonObjectParser;
import io.tidemark.sources.ObjectParser;

import io.tidemark.config.AuroraSalesSourceSpec;
import io.tidemark.config.ClickstreamSourceSpec;
import io.tidemark.config.CloudWatchLogsSourceSpec;
import io.tidemark.config.DebeziumSourceSpec;
import io.tidemark.config.DmsSourceSpec;
import io.tidemark.config.FlowLogLinesSourceSpec;
import io.tidemark.config.GuardDutySourceSpec;
import io.tidemark.config.SesSourceSpec;
import io.tidemark.config.SourceSpec;
import io.tidemark.config.UsersReferenceSourceSpec;
import io.tidemark.sources.cdc.AuroraSalesCsvParser;
import io.tidemark.sources.cdc.DebeziumParser;
import io.tidemark.sources.cdc.DmsCsvParser;
import io.tidemark.sources.cloudwatch.CloudWatchLogsParser;
import io.tidemark.sources.flowlines.FlowLogLinesParser;
import io.tidemark.sources.guardduty.GuardDutyFindingParser;
import io.tidemark.sources.ses.SesEventParser;
import io.tidemark.sources.clickstream.ClickstreamParser;
import io.tidemark.sources.reference.UsersCsvParser;

/** The one place that maps a job's source family to its parser. */
public final class ObjectParsers {
    /** Largest JSON record of the JSON families that have no size setting of their own. */
    static final int DEFAULT_MAX_RECORD_BYTES = 1 << 20;

    private ObjectParsers() {
    }

    public static ObjectParser forSource(SourceSpec source) {
        if (source instanceof CloudWatchLogsSourceSpec cloudWatch) {
            return new CloudWatchLogsParser(cloudWatch);
        }
        if (source instanceof FlowLogLinesSourceSpec flowLines) {
            return new FirehoseErrorOutputParser(new FlowLogLinesParser(flowLines), flowLines.maxRecordBytes());
        }
        if (source instanceof SesSourceSpec ses) {
            return new JsonObjectParser(new SesEventParser(ses), ses.maxRecordBytes());
        }
        if (source instanceof GuardDutySourceSpec guardDuty) {
            return new JsonObjectParser(new GuardDutyFindingParser(), guardDuty.maxRecordBytes());
        }
        if (source instanceof AuroraSalesSourceSpec aurora) {
            return new FirehoseErrorOutputParser(new AuroraSalesCsvParser(aurora), aurora.maxRecordBytes());
        }
        if (source instanceof DmsSourceSpec dms) {
            return new DmsCsvParser(dms);
        }
        if (source instanceof DebeziumSourceSpec debezium) {
            return new JsonObjectParser(new DebeziumParser(debezium), DEFAULT_MAX_RECORD_BYTES);
        }
        if (source instanceof ClickstreamSourceSpec clickstream) {
            return new JsonObjectParser(new ClickstreamParser(), clickstream.maxRecordBytes());
        }
        if (source instanceof UsersReferenceSourceSpec users) {
            return new UsersCsvParser(users);
        }
        throw new IllegalStateException("Cannot read source " + source + ": no parser for its family");
    }
}
