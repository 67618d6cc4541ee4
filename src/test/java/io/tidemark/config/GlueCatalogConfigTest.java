package io.tidemark.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The {@code catalog} settings of catalog kind {@code glue}: what is read, and errors that name the key to fix. */
class GlueCatalogConfigTest {
    private final JsonConfigReader reader = new JsonConfigReader();

    private CatalogConfig read(String catalogJson) {
        String json = "{\"catalog\": " + catalogJson + "}";
        return reader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "runtime.json", RuntimeConfig.class)
                .catalog();
    }

    @Test
    void glueSettingsAreRead() {
        CatalogConfig config = read("""
                {"kind": "glue", "region": "eu-west-1", "endpoint": "https://glue.eu-west-1.amazonaws.com",
                 "catalogId": "123456789012", "curatedDatabase": "lake_curated"}""");
        assertThat(config.kind()).isEqualTo(CatalogConfig.Kind.GLUE);
        assertThat(config.region()).isEqualTo("eu-west-1");
        assertThat(config.endpointOverride()).contains(URI.create("https://glue.eu-west-1.amazonaws.com"));
        assertThat(config.glueCatalogId()).contains("123456789012");
        assertThat(config.curatedDatabase()).isEqualTo("lake_curated");

        CatalogConfig minimal = read("{\"kind\": \"glue\", \"region\": \"us-gov-west-1\"}");
        assertThat(minimal.endpointOverride()).isEmpty();
        assertThat(minimal.glueCatalogId()).isEmpty();
        assertThat(CatalogConfig.defaults().kind()).isEqualTo(CatalogConfig.Kind.HIVE);
    }

    @Test
    void glueWithoutARegionNamesTheKey() {
        assertThatThrownBy(() -> read("{\"kind\": \"glue\"}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("runtime.json")
                .hasMessageContaining("catalog.region")
                .hasMessageContaining("eu-west-1");
    }

    @Test
    void badValuesNameTheKeyAndWhatIsExpected() {
        assertThatThrownBy(() -> read("{\"kind\": \"glue\", \"region\": \"EU_WEST_1\"}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("catalog.region").hasMessageContaining("EU_WEST_1");
        assertThatThrownBy(() -> read("{\"kind\": \"glue\", \"region\": \"eu-west-1\", \"endpoint\": \"ftp://glue.example\"}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("catalog.endpoint").hasMessageContaining("https://");
        assertThatThrownBy(() -> read("{\"kind\": \"glue\", \"region\": \"eu-west-1\", \"endpoint\": \"http://\"}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("catalog.endpoint");
        assertThatThrownBy(() -> read("{\"kind\": \"glue\", \"region\": \"eu-west-1\", \"endpoint\": \"not a url\"}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("catalog.endpoint");
        assertThatThrownBy(() -> read("{\"kind\": \"glue\", \"region\": \"eu-west-1\", \"catalogId\": \"my-account\"}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("catalog.catalogId").hasMessageContaining("12-digit");
        assertThatThrownBy(() -> read("{\"kind\": \"athena\"}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("catalog.kind").hasMessageContaining("glue");
    }

    @Test
    void credentialsInTheEndpointAreRejectedAndNotRepeated() {
        assertThatThrownBy(() -> read("""
                {"kind": "glue", "region": "eu-west-1", "endpoint": "https://AKIDEXAMPLE:s3cr3t@glue.example"}"""))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("catalog.endpoint")
                .hasMessageContaining("credentials")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void glueSettingsWithTheHiveKindNameTheKeyAndTheKind() {
        assertThatThrownBy(() -> read("{\"region\": \"eu-west-1\"}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("catalog.region").hasMessageContaining("catalog.kind = glue");
        assertThatThrownBy(() -> read("{\"kind\": \"hive\", \"endpoint\": \"https://glue.example\"}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("catalog.endpoint");
        assertThatThrownBy(() -> read("{\"kind\": \"glue\", \"region\": \"eu-west-1\", \"endpont\": \"https://glue.example\"}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("catalog.endpont").hasMessageContaining("endpoint");
    }
}
