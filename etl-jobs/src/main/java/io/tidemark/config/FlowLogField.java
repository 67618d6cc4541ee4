package io.tidemark.config;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The VPC flow-log fields of versions 2 to 5 (FORMATS.md 3.1), in the column order of
 * {@code schemas/vpc_flow_logs.json}, with the type of their column.
 */
public enum FlowLogField {
    VERSION("version", Type.INT),
    ACCOUNT_ID("account-id", Type.STRING),
    INTERFACE_ID("interface-id", Type.STRING),
    SRCADDR("srcaddr", Type.STRING),
    DSTADDR("dstaddr", Type.STRING),
    SRCPORT("srcport", Type.INT),
    DSTPORT("dstport", Type.INT),
    PROTOCOL("protocol", Type.INT),
    PACKETS("packets", Type.BIGINT),
    BYTES("bytes", Type.BIGINT),
    START("start", Type.BIGINT),
    END("end", Type.BIGINT),
    ACTION("action", Type.STRING),
    LOG_STATUS("log-status", Type.STRING),
    VPC_ID("vpc-id", Type.STRING),
    SUBNET_ID("subnet-id", Type.STRING),
    INSTANCE_ID("instance-id", Type.STRING),
    TCP_FLAGS("tcp-flags", Type.INT),
    TYPE("type", Type.STRING),
    PKT_SRCADDR("pkt-srcaddr", Type.STRING),
    PKT_DSTADDR("pkt-dstaddr", Type.STRING),
    REGION("region", Type.STRING),
    AZ_ID("az-id", Type.STRING),
    SUBLOCATION_TYPE("sublocation-type", Type.STRING),
    SUBLOCATION_ID("sublocation-id", Type.STRING),
    PKT_SRC_AWS_SERVICE("pkt-src-aws-service", Type.STRING),
    PKT_DST_AWS_SERVICE("pkt-dst-aws-service", Type.STRING),
    FLOW_DIRECTION("flow-direction", Type.STRING),
    TRAFFIC_PATH("traffic-path", Type.INT);

    /** The column types used by the dataset schema. */
    public enum Type { INT, BIGINT, STRING }

    private static final Map<String, FlowLogField> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(FlowLogField::fieldName, Function.identity()));

    private final String fieldName;
    private final Type type;

    FlowLogField(String fieldName, Type type) {
        this.fieldName = fieldName;
        this.type = type;
    }

    /** The name as written in a flow-log format and header line, e.g. {@code log-status}. */
    public String fieldName() {
        return fieldName;
    }

    /** The dataset column name, e.g. {@code log_status}. */
    public String columnName() {
        return fieldName.replace('-', '_');
    }

    /** Position of the column among {@link FlowLogFormat#canonicalColumns()}. */
    public int columnIndex() {
        return ordinal();
    }

    public Type type() {
        return type;
    }

    public static Optional<FlowLogField> byName(String fieldName) {
        return Optional.ofNullable(BY_NAME.get(fieldName));
    }
}
