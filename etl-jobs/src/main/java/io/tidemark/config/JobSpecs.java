package io.tidemark.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The job specs shipped with Tidemark: {@code orchestration/jobs/*.json}, packaged in the jar under {@code jobs/}
 * so that spark-submit runs need no checkout.
 */
public final class JobSpecs {
    private static final String FOLDER = "jobs";
    private final JsonConfigReader reader = new JsonConfigReader();

    /** The spec of one job, failing with the list of known jobs when the name is unknown. */
    public JobSpec get(String job) {
        String resource = "/" + FOLDER + "/" + job + ".json";
        try (InputStream in = JobSpecs.class.getResourceAsStream(resource)) {
            if (in == null || !job.matches("[a-z0-9_]+")) {
                throw new ConfigException("Cannot find job '" + job + "': known jobs are " + names());
            }
            JobSpec spec = reader.read(in, "orchestration/jobs/" + job + ".json", JobSpec.class);
            if (!spec.job().equals(job)) {
                throw new ConfigException("Cannot use orchestration/jobs/" + job + ".json: its 'job' is '" + spec.job()
                        + "', expected the file name '" + job + "'");
            }
            return spec;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<JobSpec> all() {
        return names().stream().map(this::get).toList();
    }

    /** Job names, sorted. */
    public List<String> names() {
        URL url = JobSpecs.class.getResource("/" + FOLDER);
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem fs = jarFileSystem(uri)) {
                    return list(fs.getPath("/" + FOLDER));
                }
            }
            return list(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot list job specs at " + url, e);
        }
    }

    private static FileSystem jarFileSystem(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            throw new IllegalStateException("Cannot list job specs: the jar file system is already open", e);
        }
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .sorted()
                    .toList();
        }
    }
}
