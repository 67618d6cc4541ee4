package io.tidemark.sources;

import io.tidemark.config.CloudWatchLogsSourceSpec;
import io.tidemark.config.SourceSpec;
import io.tidemark.config.UsersReferenceSourceSpec;
import io.tidemark.sources.cloudwatch.CloudWatchLogsParser;
import io.tidemark.sources.reference.UsersCsvParser;

/** The one place that maps a job's source family to its parser. */
public final class ObjectParsers {
    private ObjectParsers() {
    }

    public static ObjectParser forSource(SourceSpec source) {
        if (source instanceof CloudWatchLogsSourceSpec cloudWatch) {
            return new CloudWatchLogsParser(cloudWatch);
        }
        if (source instanceof UsersReferenceSourceSpec users) {
            return new UsersCsvParser(users);
        }
        throw new IllegalStateException("Cannot read source " + source + ": no parser for its family");
    }
}
