package io.tidemark.sources.cloudwatch;

import io.tidemark.landing.QuarantineRecord;
import java.util.ArrayList;
import java.util.List;

/** Keeps everything a reader emits, and the order in which kinds arrived. */
final class RecordingSink implements CloudWatchEventSink {
    final List<FlowLogEvent> flowLogs = new ArrayList<>();
    final List<AppLogEvent> appLogs = new ArrayList<>();
    final List<QuarantineRecord> quarantined = new ArrayList<>();

    @Override
    public void flowLog(FlowLogEvent e) {
        flowLogs.add(e);
    }

    @Override
    public void appLog(AppLogEvent e) {
        appLogs.add(e);
    }

    @Override
    public void quarantine(QuarantineRecord q) {
        quarantined.add(q);
    }

    List<String> appMessages() {
        return appLogs.stream().map(AppLogEvent::message).toList();
    }

    List<Long> appOffsets() {
        return appLogs.stream().map(e -> e.context().offset()).toList();
    }
}
