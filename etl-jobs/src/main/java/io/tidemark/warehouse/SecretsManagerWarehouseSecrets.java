package io.tidemark.warehouse;

import io.tidemark.config.ConfigException;
import io.tidemark.config.WarehouseConfig;
import io.tidemark.ErrorCode;
import io.tidemark.TidemarkException;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Reads {@code warehouse.secretId} from AWS Secrets Manager with the AWS SDK v2 (the JDK's HTTP client, the SDK's
 * standard retries), in {@code warehouse.secretRegion} or at {@code warehouse.secretEndpoint}. Credentials come from
 * the SDK's default provider chain, never from the config. Errors name the secret and the endpoint, never a value.
 */
public final class SecretsManagerWarehouseSecrets {
    private static final int MAX_ATTEMPTS = 3;

    private SecretsManagerWarehouseSecrets() {
    }

    public static WarehouseSecret read(WarehouseConfig config) {
        return read(config, DefaultCredentialsProvider.builder().build());
    }

    public static WarehouseSecret read(WarehouseConfig config, AwsCredentialsProvider credentials) {
        String secretId = config.secret().orElseThrow(() -> new IllegalArgumentException("warehouse.secretId is not set"));
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder()
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30)))
                .overrideConfiguration(o -> o.retryStrategy(
                        AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build()));
        if (config.secretRegion() != null) {
            builder.region(Region.of(config.secretRegion()));
        }
        config.secretsEndpoint().ifPresent(builder::endpointOverride);
        String where = config.secretsEndpoint().map(Object::toString)
                .orElse("Secrets Manager in " + (config.secretRegion() == null ? "the SDK's default region" : config.secretRegion()));
        try (SecretsManagerClient client = builder.build()) {
            String value = client.getSecretValue(r -> r.secretId(secretId)).secretString();
            return WarehouseSecret.parse(secretId, value);
        } catch (ResourceNotFoundException e) {
            throw new ConfigException("Cannot read warehouse.secretId '" + secretId + "' from " + where
                    + ": no such secret (check the name or ARN and warehouse.secretRegion)");
        } catch (SecretsManagerException e) {
            String code = e.awsErrorDetails() == null ? String.valueOf(e.statusCode()) : e.awsErrorDetails().errorCode();
            throw new TidemarkException(ErrorCode.WAREHOUSE_FAILED, "Cannot read warehouse.secretId '" + secretId + "' from "
                    + where + ": " + code + " (check secretsmanager:GetSecretValue, and kms:Decrypt for a customer key)", e);
        } catch (SdkClientException e) {
            throw new TidemarkException(ErrorCode.WAREHOUSE_FAILED, "Cannot read warehouse.secretId '" + secretId + "' from "
                    + where + ": " + e.getMessage(), e);
        }
    }
}
