package io.tidemark.sources;

import io.tidemark.config.AuroraSalesSourceSpec;
import io.tidemark.config.CloudWatchLogsSourceSpec;
import io.tidemark.config.DmsSourceSpec;
import io.tidemark.config.SourceSpec;
import io.tidemark.sources.cdc.AuroraSalesCsvParser;
import io.tidemark.sources.cdc.DmsCsvParser;
import io.tidemark.sources.cloudwatch.CloudWatchLogsParser;

/** The one place that maps a job's source family to its parser. */
public final class ObjectParsers {
    private ObjectParsers() {
    }

    public static ObjectParser forSource(SourceSpec source) {
        if (source instanceof CloudWatchLogsSourceSpec cloudWatch) {
            return new CloudWatchLogsParser(cloudWatch);
        }
        if (source instanceof AuroraSalesSourceSpec aurora) {
            return new AuroraSalesCsvParser(aurora);
        }
        if (source instanceof DmsSourceSpec dms) {
            return new DmsCsvParser(dms);
        }
        throw new IllegalStateException("Cannot read source " + source + ": no parser for its family");
    }
}
