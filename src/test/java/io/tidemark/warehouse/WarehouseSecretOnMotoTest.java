package io.tidemark.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.config.ConfigException;
import io.tidemark.config.JsonConfigReader;
import io.tidemark.config.RuntimeConfig;
import io.tidemark.config.WarehouseConfig;
import io.tidemark.testing.MotoServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * {@code warehouse.secretId}: the credentials (and the server) from AWS Secrets Manager, served by the AWS API
 * emulator (moto), with the embedded PostgreSQL as the warehouse; then IAM URLs and TLS.
 */
class WarehouseSecretOnMotoTest {
    private static final String PASSWORD = "dummy-secret-password-4711";
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create(MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY));

    @TempDir
    static Path workdir;

    private static MotoServer moto;
    private static EmbeddedWarehouse warehouse;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.start();
        warehouse = EmbeddedWarehouse.start(EmbeddedWarehouse.dataDirectoryIn(workdir));
        try (SecretsManagerClient client = SecretsManagerClient.builder().region(Region.of(MotoServer.REGION))
                .endpointOverride(moto.endpoint()).credentialsProvider(CREDENTIALS).build()) {
            client.createSecret(r -> r.name("tidemark/warehouse").secretString("""
                    {"username": "postgres", "password": "%s", "engine": "postgres", "host": "127.0.0.1",
                     "port": %d, "dbname": "postgres"}""".formatted(PASSWORD, warehouse.port())));
            client.createSecret(r -> r.name("tidemark/no-password").secretString("{\"username\": \"postgres\", \"host\": \"h\"}"));
            client.createSecret(r -> r.name("tidemark/not-json").secretString("user=postgres " + PASSWORD));
        }
    }

    @AfterAll
    static void stop() {
        if (warehouse != null) {
            warehouse.close();
        }
        if (moto != null) {
            moto.stop();
        }
    }

    @Test
    void theSecretGivesUserPasswordAndServer() throws Exception {
        WarehouseConfig config = config("""
                {"secretId": "tidemark/warehouse", "secretRegion": "%s", "secretEndpoint": "%s"}""");

        WarehouseConnector connector = connector(config);

        assertThat(connector.dialect()).isEqualTo(SqlDialect.POSTGRES);
        assertThat(connector.toString()).contains("127.0.0.1:" + warehouse.port()).doesNotContain(PASSWORD);
        try (Connection connection = connector.open()) {
            assertThat(TableDump.of(connection, "SELECT current_user")).containsExactly("postgres");
        }
    }

    @Test
    void aConfiguredUrlWinsOverTheSecretsHost() throws Exception {
        WarehouseConfig config = config("""
                {"url": "URL", "secretId": "tidemark/warehouse", "secretRegion": "%s", "secretEndpoint": "%s"}""".replace("URL", warehouse.jdbcUrl()));

        try (Connection connection = connector(config).open()) {
            assertThat(TableDump.of(connection, "SELECT 1")).containsExactly("1");
        }
    }

    @Test
    void aMissingOrMalformedSecretIsAConfigErrorNamingItAndNothingOfItsContent() {
        assertThatThrownBy(() -> connector(config("""
                {"secretId": "tidemark/nope", "secretRegion": "%s", "secretEndpoint": "%s"}""")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("tidemark/nope").hasMessageContaining("no such secret");
        assertThatThrownBy(() -> connector(config("""
                {"secretId": "tidemark/no-password", "secretRegion": "%s", "secretEndpoint": "%s"}""")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'password'");
        assertThatThrownBy(() -> connector(config("""
                {"secretId": "tidemark/not-json", "secretRegion": "%s", "secretEndpoint": "%s"}""")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("tidemark/not-json").hasMessageNotContaining(PASSWORD);
    }

    @Test
    void anUnreachableSecretsManagerNamesTheEndpoint() {
        WarehouseConfig config = config("""
                {"secretId": "tidemark/warehouse", "secretRegion": "%s", "secretEndpoint": "http://127.0.0.1:9"}""");
        assertThatThrownBy(() -> connector(config)).hasMessageContaining("http://127.0.0.1:9").hasMessageContaining("tidemark/warehouse");
    }

    @Test
    void iamUrlsNeedNoPasswordAndRefuseASecret() {
        WarehouseConfig iam = config("""
                {"url": "jdbc:redshift:iam://my-cluster:eu-west-1/dev", "user": "loader", "passwordEnv": "UNSET_VARIABLE"}""");
        WarehouseConnector connector = WarehouseConnector.server(iam, Map.<String, String>of()::get,
                c -> { throw new AssertionError("no secret is read for IAM"); });
        assertThat(connector.dialect()).isEqualTo(SqlDialect.REDSHIFT);

        assertThatThrownBy(() -> config("""
                {"url": "jdbc:redshift:iam://my-cluster:eu-west-1/dev", "secretId": "x", "secretRegion": "%s", "secretEndpoint": "%s"}"""))
                .isInstanceOf(ConfigException.class).hasMessageContaining("IAM");
    }

    @Test
    void tlsIsRequiredWhenConfiguredAndTheEmbeddedServerHasNone() {
        WarehouseConfig tls = config("""
                {"url": "URL", "user": "postgres", "passwordEnv": "PW", "requireTls": true}""".replace("URL", warehouse.jdbcUrl()));
        WarehouseConnector connector = WarehouseConnector.server(tls, Map.of("PW", PASSWORD)::get);
        assertThatThrownBy(connector::open).isInstanceOf(SQLException.class).hasMessageContaining("SSL")
                .hasMessageNotContaining(PASSWORD);
    }

    private static WarehouseConnector connector(WarehouseConfig config) {
        return WarehouseConnector.server(config, Map.<String, String>of()::get,
                c -> SecretsManagerWarehouseSecrets.read(c, CREDENTIALS));
    }

    /** A warehouse config from JSON, with the emulator's region and endpoint filled in where asked. */
    private static WarehouseConfig config(String warehouseJson) {
        String json = "{\"warehouse\": " + warehouseJson.replaceFirst("%s", MotoServer.REGION)
                .replaceFirst("%s", moto.endpoint().toString()) + "}";
        return new JsonConfigReader().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "warehouse.json",
                RuntimeConfig.class).warehouse();
    }
}
