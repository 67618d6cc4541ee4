package io.tidemark.sources.cloudwatch;

import io.tidemark.landing.QuarantineRecord;

/** Receives what {@link CloudWatchObjectReader} reads from one object, in object order. */
public interface CloudWatchEventSink {
    void flowLog(FlowLogEvent e);

    void appLog(AppLogEvent e);

    void quarantine(QuarantineRecord q);
}
