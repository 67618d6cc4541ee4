package io.tidemark.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on loopback, built from the project's own dependency jars: a {@code SPARK_HOME} in a
 * temporary folder whose {@code jars/} holds symbolic links to the test class path's jars plus the project's
 * compiled classes packaged as jars (so executors load Tidemark's classes from their own class path, as a
 * cluster's {@code --jars} would), a {@code Master} and a {@code Worker} as child JVMs on free ports, and the
 * worker's executor JVMs, which it launches itself from that {@code SPARK_HOME}.
 *
 * <p>A driver in client mode (the test JVM) connects with {@link #sparkSettings()}: {@code spark.master =
 * spark://127.0.0.1:PORT}, one core and {@value #EXECUTOR_MEMORY} per executor, two cores in all, and waits
 * until both executors have registered, so every job can use two executor JVMs. The Java 17 flags reach the
 * executors without help: Spark 3.5's {@code SparkContext} prepends its {@code JavaModuleOptions} to
 * {@code spark.executor.extraJavaOptions}. One cluster per test class; {@link #close()} stops the worker (and
 * with it its executors) and the master.
 */
public final class StandaloneSparkCluster implements AutoCloseable {
    /** The number of executor JVMs the driver asks for (one core each). */
    public static final int EXECUTORS = 2;
    private static final String EXECUTOR_MEMORY = "512m";
    private static final String DAEMON_MEMORY = "-Xmx256m";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");

    private final Path home;
    private final int masterPort;
    private final int masterUiPort;
    private final List<Process> daemons = new ArrayList<>();

    private StandaloneSparkCluster(Path home, int masterPort, int masterUiPort) {
        this.home = home;
        this.masterPort = masterPort;
        this.masterUiPort = masterUiPort;
    }

    /** Lays out {@code SPARK_HOME} under {@code root}, starts a master and a worker and waits for the worker to register. */
    public static StandaloneSparkCluster start(Path root) {
        try {
            Path home = Files.createDirectories(root.resolve("spark-home"));
            layOutJars(Files.createDirectories(home.resolve("jars")));
            Files.createDirectories(home.resolve("conf"));
            Files.createDirectories(home.resolve("logs"));
            StandaloneSparkCluster cluster = new StandaloneSparkCluster(home, freePort(), freePort());
            try {
                cluster.launchMaster();
                cluster.launchWorker();
                cluster.awaitWorker();
                return cluster;
            } catch (RuntimeException e) {
                cluster.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code spark://127.0.0.1:PORT}. */
    public String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /**
     * The driver's settings for this cluster in client mode: the master URL, two one-core executors with
     * {@value #EXECUTOR_MEMORY} each, and the wait for both before the first job (so no job runs on one only).
     */
    public Map<String, String> sparkSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spark.submit.deployMode", "client");
        settings.put("spark.executor.cores", "1");
        settings.put("spark.cores.max", Integer.toString(EXECUTORS));
        settings.put("spark.executor.memory", EXECUTOR_MEMORY);
        settings.put("spark.scheduler.minRegisteredResourcesRatio", "1.0");
        settings.put("spark.scheduler.maxRegisteredResourcesWaitingTime", START_TIMEOUT.toSeconds() + "s");
        settings.put("spark.executorEnv.SPARK_LOCAL_IP", "127.0.0.1");
        return settings;
    }

    /** The {@code SPARK_HOME} the worker launches executors from (its {@code work/} holds their stdout and stderr). */
    public Path home() {
        return home;
    }

    /** Stops the worker first (it kills its executor JVMs), then the master. */
    @Override
    public void close() {
        for (int i = daemons.size() - 1; i >= 0; i--) {
            Process daemon = daemons.get(i);
            List<ProcessHandle> children = daemon.descendants().toList();
            daemon.destroy();
            try {
                if (!daemon.waitFor(20, TimeUnit.SECONDS)) {
                    daemon.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // executors the worker could not stop in time
            children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
        daemons.clear();
    }

    private void launchMaster() {
        daemons.add(launch("master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(masterUiPort))));
    }

    private void launchWorker() {
        daemons.add(launch("worker", List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                "--port", "0", "--webui-port", "0", "--cores", Integer.toString(EXECUTORS), "--memory", "1100m",
                "--work-dir", home.resolve("work").toString(), masterUrl())));
    }

    private Process launch(String name, List<String> mainAndArguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(DAEMON_MEMORY);
        command.add("-cp");
        command.add(home.resolve("jars") + File.separator + "*");
        command.addAll(mainAndArguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("logs").resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", home.toString());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("SPARK_SCALA_VERSION", "2.12");
        builder.environment().remove("SPARK_CONF_DIR");
        builder.environment().remove("HADOOP_CONF_DIR");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Spark " + name, e);
        }
    }

    private void awaitWorker() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            for (Process daemon : daemons) {
                if (!daemon.isAlive()) {
                    throw new IllegalStateException("A Spark daemon exited with code " + daemon.exitValue() + "; logs in " + home.resolve("logs"));
                }
            }
            if (aliveWorkers() >= 1) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the Spark worker", e);
            }
        }
        throw new IllegalStateException("No Spark worker registered with " + masterUrl() + " within " + START_TIMEOUT
                + "; logs in " + home.resolve("logs"));
    }

    /** The master's own count of alive workers, from its web UI's JSON page. */
    private int aliveWorkers() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + masterUiPort + "/json/").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            try (InputStream in = connection.getInputStream()) {
                Matcher matcher = ALIVE_WORKERS.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Links every jar of the test class path into {@code jars/} and packages each class folder (the project's
     * main and test classes) as a jar there.
     */
    private static void layOutJars(Path jars) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        int folders = 0;
        for (Path entry : testClassPath()) {
            if (Files.isDirectory(entry)) {
                Path jar = jars.resolve("tidemark-" + (folders++) + "-" + entry.getFileName() + ".jar");
                packageFolder(entry, jar);
            } else if (entry.toString().endsWith(".jar") && Files.isRegularFile(entry)) {
                String name = entry.getFileName().toString();
                if (!names.add(name)) {
                    name = names.size() + "-" + name;
                    names.add(name);
                }
                Files.createSymbolicLink(jars.resolve(name), entry.toAbsolutePath());
            }
        }
    }

    /**
     * The test class path: surefire's own record of it when the JVM was started from a manifest-only jar, else
     * {@code java.class.path} (with the manifest {@code Class-Path} of a single booter jar expanded).
     */
    private static List<Path> testClassPath() throws IOException {
        String surefire = System.getProperty("surefire.test.class.path");
        String classPath = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        List<Path> entries = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry));
            }
        }
        if (entries.size() == 1 && entries.get(0).toString().endsWith(".jar")) {
            try (JarFile booter = new JarFile(entries.get(0).toFile())) {
                String manifestPath = booter.getManifest() == null ? null
                        : booter.getManifest().getMainAttributes().getValue("Class-Path");
                if (manifestPath != null) {
                    for (String url : manifestPath.trim().split("\\s+")) {
                        entries.add(Path.of(URI.create(url)));
                    }
                }
            }
        }
        return entries;
    }

    private static void packageFolder(Path folder, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
                Stream<Path> files = Files.walk(folder)) {
            // directory entries too: JobSpecs looks its folder up by name (getResource("/jobs"))
            for (Path file : (Iterable<Path>) files.filter(f -> !f.equals(folder)).sorted()::iterator) {
                String name = folder.relativize(file).toString().replace(File.separatorChar, '/');
                boolean directory = Files.isDirectory(file);
                zip.putNextEntry(new JarEntry(directory ? name + "/" : name));
                if (!directory) {
                    Files.copy(file, zip);
                }
                zip.closeEntry();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
