package io.tidemark.lake;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * An AWS SDK v2 S3 client that reaches the lake's bucket the way S3A does, from the same Hadoop settings:
 * {@code fs.s3a.endpoint} (and {@code fs.s3a.connection.ssl.enabled} when it has no scheme),
 * {@code fs.s3a.endpoint.region}, {@code fs.s3a.path.style.access}, and {@code fs.s3a.access.key} /
 * {@code fs.s3a.secret.key} / {@code fs.s3a.session.token} when set (else the SDK's default credential chain:
 * environment, profile, instance role). A per-bucket setting ({@code fs.s3a.bucket.<bucket>.endpoint}) wins over
 * the global one, as in S3A.
 */
public final class S3ClientFactory {
    private static final String DEFAULT_REGION = "us-east-1";

    private S3ClientFactory() {
    }

    public static S3Client create(Configuration conf, String bucket) {
        S3ClientBuilder builder = S3Client.builder()
                .region(region(conf, bucket))
                .credentialsProvider(credentials(conf, bucket))
                .forcePathStyle(Boolean.parseBoolean(setting(conf, bucket, "path.style.access", "false")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)));
        String endpoint = setting(conf, bucket, "endpoint", "");
        if (!endpoint.isBlank()) {
            boolean ssl = Boolean.parseBoolean(setting(conf, bucket, "connection.ssl.enabled", "true"));
            builder.endpointOverride(URI.create(endpoint.contains("://") ? endpoint : (ssl ? "https://" : "http://") + endpoint));
        }
        return builder.build();
    }

    private static Region region(Configuration conf, String bucket) {
        String region = setting(conf, bucket, "endpoint.region", "");
        if (!region.isBlank()) {
            return Region.of(region.trim().toLowerCase(Locale.ROOT));
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            return Region.of(DEFAULT_REGION); // as S3A: the endpoint, when set, decides where requests go
        }
    }

    private static AwsCredentialsProvider credentials(Configuration conf, String bucket) {
        String accessKey = setting(conf, bucket, "access.key", "");
        String secretKey = setting(conf, bucket, "secret.key", "");
        if (accessKey.isBlank() || secretKey.isBlank()) {
            return DefaultCredentialsProvider.builder().build();
        }
        String sessionToken = setting(conf, bucket, "session.token", "");
        return StaticCredentialsProvider.create(sessionToken.isBlank()
                ? AwsBasicCredentials.create(accessKey, secretKey)
                : AwsSessionCredentials.create(accessKey, secretKey, sessionToken));
    }

    private static String setting(Configuration conf, String bucket, String name, String fallback) {
        String perBucket = bucket == null ? null : conf.getTrimmed("fs.s3a.bucket." + bucket + "." + name);
        return perBucket != null ? perBucket : conf.getTrimmed("fs.s3a." + name, fallback);
    }
}
