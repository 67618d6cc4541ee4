package io.tidemark.catalog.glue;

import io.tidemark.config.CatalogConfig;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.GlueClientBuilder;

/**
 * Builds the Glue client of catalog kind {@code glue}: the configured region and endpoint, the JDK's HTTP client,
 * and the SDK's standard retry strategy (throttling, 5xx and dropped connections are retried with jittered
 * backoff). Credentials never come from the config.
 */
public final class GlueClientFactory {
    /** Attempts per call, the first included; Glue throttles bursts of partition calls. */
    static final int MAX_ATTEMPTS = 6;

    private GlueClientFactory() {
    }

    public static GlueClient create(CatalogConfig config, AwsCredentialsProvider credentials) {
        Objects.requireNonNull(credentials, "credentials is null");
        if (config.kind() != CatalogConfig.Kind.GLUE) {
            throw new IllegalArgumentException("Cannot build a Glue client for catalog.kind = " + config.kind());
        }
        GlueClientBuilder builder = GlueClient.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)))
                .overrideConfiguration(o -> o.retryStrategy(
                        AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build()));
        config.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
