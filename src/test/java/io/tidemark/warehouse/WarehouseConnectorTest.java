package io.tidemark.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.config.ConfigException;
import io.tidemark.config.WarehouseConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseConnectorTest {
    private static final String SECRET = "s3cr3t-never-printed";

    @TempDir
    static Path workdir;

    private static EmbeddedWarehouse warehouse;

    @BeforeAll
    static void startWarehouse() throws Exception {
        warehouse = EmbeddedWarehouse.start(EmbeddedWarehouse.dataDirectoryIn(workdir));
    }

    @AfterAll
    static void stopWarehouse() {
        warehouse.close();
    }

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
        WarehouseConnector connector = WarehouseConnector.of(WarehouseConfig.defaults(), warehouse, Map.<String, String>of()::get);

        assertThat(connector.dialect()).isEqualTo(SqlDialect.POSTGRES);
        try (Connection connection = connector.open()) {
            assertThat(TableDump.of(connection, "SELECT 1")).containsExactly("1");
        }
    }

    @Test
    void aPostgresUrlConnectsWithUserAndPasswordFromTheEnvironment() throws Exception {
        WarehouseConfig config = new WarehouseConfig(warehouse.jdbcUrl(), "postgres", "PW", null, null, null, null, null);

        WarehouseConnector connector = WarehouseConnector.of(config, null, Map.of("PW", SECRET)::get);

        assertThat(connector.dialect()).isEqualTo(SqlDialect.POSTGRES);
        try (Connection connection = connector.open()) {
            assertThat(TableDump.of(connection, "SELECT current_user")).containsExactly("postgres");
        }
    }
}
