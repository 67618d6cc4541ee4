package io.tidemark.demo;

import java.util.Objects;
import java.util.StringJoiner;

/**
 * One VPC flow-log line in the default version-2 format
 * ({@code version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes
 * start end action log-status}); null fields are written as {@code -}.
 */
record FlowLogLine(int version, String accountId, String interfaceId, String srcaddr, String dstaddr,
                   Integer srcport, Integer dstport, Integer protocol, Long packets, Long bytes,
                   long start, long end, String action, String logStatus) {

    /** A line the warehouse counts as a flow: status OK with an action. */
    boolean counted() {
        return "OK".equals(logStatus) && action != null;
    }

    String render() {
        StringJoiner line = new StringJoiner(" ");
        for (Object field : new Object[] {version, accountId, interfaceId, srcaddr, dstaddr, srcport, dstport,
                protocol, packets, bytes, start, end, action, logStatus}) {
            line.add(Objects.toString(field, "-"));
        }
        return line.toString();
    }
}
