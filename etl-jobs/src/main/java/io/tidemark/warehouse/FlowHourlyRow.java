package io.tidemark.warehouse;

import java.util.Objects;

/**
 * One input row of a {@code fact_flow_hourly} load: VPC flow log figures of one interface, action and protocol in
 * one hour. Rows need not be aggregated: the load sums rows that share the fact's grain. {@code vpcId},
 * {@code subnetId} and {@code instanceId} are null when the flow log format does not carry them.
 */
public record FlowHourlyRow(
        int datekey,
        int hr,
        String accountId,
        String interfaceId,
        String vpcId,
        String subnetId,
        String instanceId,
        String action,
        int protocol,
        long flows,
        long packets,
        long bytes) {

    public FlowHourlyRow {
        Objects.requireNonNull(accountId, "accountId is null");
        Objects.requireNonNull(interfaceId, "interfaceId is null");
        Objects.requireNonNull(action, "action is null");
    }

    public HourPartition partition() {
        return new HourPartition(datekey, hr);
    }

    public long interfaceKey() {
        return NetworkInterfaceKey.of(accountId, interfaceId);
    }
}
