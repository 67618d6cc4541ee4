package io.tidemark.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowLogFormatTest {

    @Test
    void canonicalColumnsAreTheTwentyNineFlowLogColumnsInSchemaOrder() {
        assertThat(FlowLogFormat.canonicalColumns()).containsExactly(
                "version", "account_id", "interface_id", "srcaddr", "dstaddr", "srcport", "dstport", "protocol",
                "packets", "bytes", "start", "end", "action", "log_status", "vpc_id", "subnet_id", "instance_id",
                "tcp_flags", "type", "pkt_srcaddr", "pkt_dstaddr", "region", "az_id", "sublocation_type",
                "sublocation_id", "pkt_src_aws_service", "pkt_dst_aws_service", "flow_direction", "traffic_path");
    }

    @Test
    void columnsAndTypesMatchTheDatasetSchemaFile() throws IOException {
        Path schema = Path.of(System.getProperty("tidemark.repo.root", "."), "schemas", "vpc_flow_logs.json");
        assumeThat(Files.exists(schema)).as("schema file %s", schema).isTrue();
        JsonNode root = new ObjectMapper().readTree(schema.toFile());
        Map<String, String> schemaTypes = new LinkedHashMap<>();
        boolean inFlowColumns = false;
        for (JsonNode column : root.get("columns")) {
            String name = column.get("name").asText();
            inFlowColumns |= name.equals("version");
            if (inFlowColumns) {
                schemaTypes.put(name, column.get("type").asText());
            }
            if (name.equals("traffic_path")) {
                break;
            }
        }
        assertThat(new ArrayList<>(schemaTypes.keySet())).isEqualTo(FlowLogFormat.canonicalColumns());
        Map<String, String> ourTypes = new LinkedHashMap<>();
        for (FlowLogField field : FlowLogField.values()) {
            ourTypes.put(field.columnName(), field.type().name().toLowerCase());
        }
        assertThat(ourTypes).containsExactlyEntriesOf(schemaTypes);
    }

    @Test
    void defaultV2HasTheFourteenDocumentedFieldsInOrder() {
        assertThat(FlowLogFormat.DEFAULT_V2.fieldNames()).containsExactly("version", "account-id", "interface-id",
                "srcaddr", "dstaddr", "srcport", "dstport", "protocol", "packets", "bytes", "start", "end", "action",
                "log-status");
    }

    @Test
    void parsesCustomOrderExtraWhitespaceAndAwsPlaceholderSyntax() {
        FlowLogFormat format = FlowLogFormat.parse("  ${version} vpc-id\tsrcaddr  traffic-path pkt-dst-aws-service ");
        assertThat(format.fields()).containsExactly(FlowLogField.VERSION, FlowLogField.VPC_ID, FlowLogField.SRCADDR,
                FlowLogField.TRAFFIC_PATH, FlowLogField.PKT_DST_AWS_SERVICE);
        assertThat(format.toString()).isEqualTo("version vpc-id srcaddr traffic-path pkt-dst-aws-service");
    }

    @Test
    void rejectsUnknownFieldNamingIt() {
        assertThatThrownBy(() -> FlowLogFormat.parse("version account_id srcaddr"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Cannot parse flow-log format: unknown field 'account_id'");
        assertThatThrownBy(() -> FlowLogFormat.parse("version ecs-cluster-name"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown field 'ecs-cluster-name'");
    }

    @Test
    void rejectsEmptyAndDuplicateFields() {
        assertThatThrownBy(() -> FlowLogFormat.parse("   "))
                .isInstanceOf(ConfigException.class).hasMessage("Cannot parse flow-log format: it is empty");
        assertThatThrownBy(() -> FlowLogFormat.parse("version start start"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Cannot use flow-log format: field 'start' appears twice");
    }

    @Test
    void isSerializable() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(FlowLogFormat.parse("version start srcaddr"));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(FlowLogFormat.parse("version start srcaddr"));
        }
    }
}
