package io.tidemark.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The AWS API emulator moto, in server mode on a free loopback port, for the tests of the AWS path (S3 through
 * {@code s3a://}, the Glue Data Catalog, Secrets Manager, STS). A real process, not a mock: nothing leaves the
 * machine. {@code scripts/test} installs {@code moto[server]} where {@code moto_server} is missing, so a missing
 * emulator fails the test with a message instead of skipping it.
 *
 * <p>One server per test class ({@code @BeforeAll} / {@code @AfterAll}); {@link #restart()} brings it back on the
 * same port after {@link #stop()} (an outage test), with its state lost as a real emulator restart would.
 */
public final class MotoServer implements AutoCloseable {
    /** Any key works with moto; these are the ones the tests use everywhere. */
    public static final String ACCESS_KEY = "AKIDTIDEMARKTEST";
    public static final String SECRET_KEY = "tidemark-test-secret-key";
    public static final String REGION = "eu-west-1";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final int port;
    private final Path log;
    private Process process;

    private MotoServer(int port, Path log) {
        this.port = port;
        this.log = log;
    }

    /** Starts {@code moto_server} on a free loopback port and waits until it answers. */
    public static MotoServer start() {
        try {
            MotoServer server = new MotoServer(freePort(), Files.createTempFile("moto-server", ".log"));
            server.launch();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT}: the endpoint of every emulated service. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /**
     * Creates an S3 bucket (idempotent). A plain path-style {@code PUT /bucket}: the emulator does not check
     * signatures, and the test code stays clear of an S3 SDK client.
     */
    public void createBucket(String bucket) {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint().resolve("/" + bucket).toURL().openConnection();
            connection.setRequestMethod("PUT");
            connection.setDoOutput(true);
            byte[] body = ("<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                    + "<LocationConstraint>" + REGION + "</LocationConstraint></CreateBucketConfiguration>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            connection.getOutputStream().write(body);
            int code = connection.getResponseCode();
            connection.disconnect();
            if (code != 200 && code != 409) {
                throw new IllegalStateException("moto_server refused to create bucket " + bucket + ": HTTP " + code);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The Hadoop settings that point S3A ({@code s3a://}) at this emulator, as {@code spark.hadoop.*} keys for a
     * runtime config's {@code spark.conf}: endpoint, path-style access, region, the test keys, and few, short
     * retries so an outage fails fast.
     */
    public java.util.Map<String, String> s3aSparkSettings() {
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
        s3aSettings().forEach((key, value) -> settings.put("spark.hadoop." + key, value));
        return settings;
    }

    /** {@link #s3aSparkSettings()} as plain Hadoop keys ({@code fs.s3a.*}). */
    public java.util.Map<String, String> s3aSettings() {
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("fs.s3a.endpoint", endpoint().toString());
        settings.put("fs.s3a.endpoint.region", REGION);
        settings.put("fs.s3a.path.style.access", "true");
        settings.put("fs.s3a.connection.ssl.enabled", "false");
        settings.put("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        settings.put("fs.s3a.access.key", ACCESS_KEY);
        settings.put("fs.s3a.secret.key", SECRET_KEY);
        settings.put("fs.s3a.attempts.maximum", "1");
        settings.put("fs.s3a.retry.limit", "2");
        settings.put("fs.s3a.retry.interval", "100ms");
        settings.put("fs.s3a.connection.establish.timeout", "2000");
        settings.put("fs.s3a.connection.timeout", "10000");
        return settings;
    }

    /** Stops the emulator (an outage as the client sees it: connections refused). */
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Starts the emulator again on the same port (empty state). */
    public void restart() {
        stop();
        launch();
    }

    @Override
    public void close() {
        stop();
    }

    private void launch() {
        List<String> command = List.of("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port));
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the AWS API emulator (" + String.join(" ", command)
                    + "): install it with pip install \"moto[server]\" (scripts/test does this when it is missing)", e);
        }
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with code " + process.exitValue() + "; its output: " + log);
            }
            if (answers()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for moto_server", e);
            }
        }
        stop();
        throw new IllegalStateException("moto_server did not answer on " + endpoint() + " within " + START_TIMEOUT + "; its output: " + log);
    }

    private boolean answers() {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint().resolve("/moto-api/").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            int code = connection.getResponseCode();
            connection.disconnect();
            return code > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
