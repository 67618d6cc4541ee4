package io.tidemark.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The curated columns of a landing prefix's dynamic partitioning keys, as a job spec names them. */
class PartitionKeyColumnTest {
    private static final String KEYED = "logs/!{partitionKeyFromQuery:customer_id}/!{partitionKeyFromLambda:Tenant-Id}/"
            + "!{timestamp:yyyy/MM/dd/HH}/";

    private static JobSpec spec(String landingPrefix, String extra) {
        String json = "{\"job\":\"keyed\",\"landingPrefix\":\"" + landingPrefix + "\",\"errorOutputPrefix\":"
                + "\"e/!{firehose:error-output-type}/\",\"source\":{\"family\":\"cloudwatch_logs\"},\"datasets\":[\"app_logs\"]"
                + extra + "}";
        return new JsonConfigReader().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "keyed.json", JobSpec.class);
    }

    @Test
    void eachKeyGetsAPartitionColumnByDefault() {
        assertThat(spec(KEYED, "").partitionKeyColumns()).containsExactly(
                new PartitionKeyColumn("customer_id", "_partition_customer_id"),
                new PartitionKeyColumn("Tenant-Id", "_partition_tenant_id"));
    }

    @Test
    void theSpecCanNameAKeysColumn() {
        assertThat(spec(KEYED, ",\"partitionKeyColumns\":{\"customer_id\":\"customer\"}").partitionKeyColumns()).containsExactly(
                new PartitionKeyColumn("customer_id", "customer"),
                new PartitionKeyColumn("Tenant-Id", "_partition_tenant_id"));
    }

    @Test
    void aPrefixWithoutKeysHasNoColumns() {
        assertThat(spec("cwlogs/", "").partitionKeyColumns()).isEmpty();
        assertThat(new JobSpecs().get("cwlogs_custom_prefix").partitionKeyColumns()).isEmpty();
    }

    @Test
    void namesThatCannotWorkAreConfigErrorsNamingTheKey() {
        assertThatThrownBy(() -> spec(KEYED, ",\"partitionKeyColumns\":{\"tenant\":\"t\"}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("[tenant] is not a partition key")
                .hasMessageContaining("[customer_id, Tenant-Id]");
        assertThatThrownBy(() -> spec(KEYED, ",\"partitionKeyColumns\":{\"customer_id\":\"Customer\"}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("partitionKeyColumns.customer_id");
        assertThatThrownBy(() -> spec(KEYED, ",\"partitionKeyColumns\":{\"customer_id\":\"_run_id\"}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("lineage or partition column");
        assertThatThrownBy(() -> spec(KEYED, ",\"partitionKeyColumns\":{\"customer_id\":\"_partition_tenant_id\"}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'customer_id' and 'Tenant-Id'");
        assertThatThrownBy(() -> spec("logs/", ",\"partitionKeyColumns\":{\"k\":\"c\"}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("which has none");
    }
}
