package io.tidemark.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.config.ConfigException;
import io.tidemark.config.WarehouseConfig;
import io.tidemark.testing.WarehouseFixture;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WarehouseConnectorTest {
    private static final String SECRET = "s3cr3t-never-printed";

    @RegisterExtension
    static final WarehouseFixture warehouse = WarehouseFixture.bare();

    @Test
    void aMissingPasswordVariableIsAConfigErrorNamingIt() {
        WarehouseConfig config = new WarehouseConfig("jdbc:redshift://cluster.example:5439/dev", "loader",
                "TIDEMARK_TEST_REDSHIFT_PASSWORD", null, null, null, null, null);

        assertThatThrownBy(() -> WarehouseConnector.server(config, Map.<String, String>of()::get))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("TIDEMARK_TEST_REDSHIFT_PASSWORD");
    }

    @Test
    void aRedshiftUrlSpeaksRedshiftAndNeverShowsThePassword() {
        WarehouseConfig config = new WarehouseConfig("jdbc:redshift://cluster.example:5439/dev", "loader",
                "PW", null, null, null, null, null);

        WarehouseConnector connector = WarehouseConnector.server(config, Map.of("PW", SECRET)::get);

        assertThat(connector.dialect()).isEqualTo(SqlDialect.REDSHIFT);
        assertThat(connector.toString()).contains("jdbc:redshift://cluster.example:5439/dev").doesNotContain(SECRET);
    }

    @Test
    void withoutUrlConnectsToTheEmbeddedWarehouse() throws Exception {
        WarehouseConnector connector = WarehouseConnector.of(WarehouseConfig.defaults(), warehouse.server(), Map.<String, String>of()::get);

        assertThat(connector.dialect()).isEqualTo(SqlDialect.POSTGRES);
        try (Connection connection = connector.open()) {
            assertThat(TableDump.of(connection, "SELECT 1")).containsExactly("1");
        }
    }

    @Test
    void aPostgresUrlConnectsWithUserAndPasswordFromTheEnvironment() throws Exception {
        WarehouseConfig config = new WarehouseConfig(warehouse.server().jdbcUrl(), "postgres", "PW", null, null, null, null, null);

        WarehouseConnector connector = WarehouseConnector.of(config, null, Map.of("PW", SECRET)::get);

        assertThat(connector.dialect()).isEqualTo(SqlDialect.POSTGRES);
        try (Connection connection = connector.open()) {
            assertThat(TableDump.of(connection, "SELECT current_user")).containsExactly("postgres");
        }
    }
}
