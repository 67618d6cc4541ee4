package io.tidemark.lake;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Leases in a folder of the local file system. A generation is created by writing the record to a temporary file
 * and hard-linking it under the generation's name: {@code link(2)} fails if the name exists, so the create is
 * atomic and a reader never sees a half-written record. (Hadoop's local {@code FileSystem.create} with
 * {@code overwrite = false} checks for the file and then opens it, which two processes can both pass.) A record
 * is replaced by an atomic rename over it.
 */
final class LocalLeaseStore implements LeaseStore {
    private final Path root;

    LocalLeaseStore(Path root) {
        this.root = requireNonNull(root, "root is null");
    }

    @Override
    public List<Long> generations(String lease) throws IOException {
        Path folder = root.resolve(lease);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Long> generations = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.map(f -> LeaseStore.generationOf(f.getFileName().toString())).filter(g -> g >= 0).forEach(generations::add);
        }
        generations.sort(null);
        return generations;
    }

    @Override
    public Optional<LeaseRecord> read(String lease, long generation) throws IOException {
        try {
            return LeaseRecord.parse(Files.readAllBytes(file(lease, generation)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean create(String lease, long generation, LeaseRecord record) throws IOException {
        Path temporary = written(lease, record);
        try {
            Files.createLink(file(lease, generation), temporary);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public void replace(String lease, long generation, LeaseRecord record) throws IOException {
        Path temporary = written(lease, record);
        try {
            Files.move(temporary, file(lease, generation), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    @Override
    public void delete(String lease, long generation) throws IOException {
        Files.deleteIfExists(file(lease, generation));
    }

    private Path written(String lease, LeaseRecord record) throws IOException {
        Path folder = Files.createDirectories(root.resolve(lease));
        Path temporary = folder.resolve(".tmp-" + UUID.randomUUID());
        Files.write(temporary, record.toJson());
        return temporary;
    }

    private Path file(String lease, long generation) {
        return root.resolve(lease).resolve(LeaseStore.generationName(generation));
    }
}
