package io.tidemark.sources.cloudwatch;

import io.tidemark.config.FlowLogFormat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Expected flow-log rows for tests: the given columns set, every other column null. */
final class FlowLogRows {
    private FlowLogRows() {
    }

    static List<Object> row(Map<String, Object> values) {
        Object[] row = new Object[FlowLogFormat.canonicalColumns().size()];
        values.forEach((column, value) -> {
            int index = FlowLogFormat.canonicalColumns().indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException("no column " + column);
            }
            row[index] = value;
        });
        return Arrays.asList(row);
    }

    static Map<String, Object> v2(Object version, Object account, Object eni, Object src, Object dst, Object srcPort,
                                  Object dstPort, Object protocol, Object packets, Object bytes, Object start,
                                  Object end, Object action, Object status) {
        java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("version", version);
        m.put("account_id", account);
        m.put("interface_id", eni);
        m.put("srcaddr", src);
        m.put("dstaddr", dst);
        m.put("srcport", srcPort);
        m.put("dstport", dstPort);
        m.put("protocol", protocol);
        m.put("packets", packets);
        m.put("bytes", bytes);
        m.put("start", start);
        m.put("end", end);
        m.put("action", action);
        m.put("log_status", status);
        return m;
    }
}
