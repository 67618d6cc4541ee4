package io.tidemark.lake;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Leases as objects in the lake's bucket. A generation is created with a conditional write
 * ({@code PutObject} with {@code If-None-Match: *}): S3 refuses it with 412 Precondition Failed when the key exists
 * (409 ConditionalRequestConflict when another conditional write of the key is in flight), so exactly one of two
 * processes creates it. S3A's {@code create(overwrite = false)} is not atomic, so this store talks to S3 directly.
 * Listing is strongly consistent on S3.
 */
final class S3LeaseStore implements LeaseStore {
    private static final int PRECONDITION_FAILED = 412;
    private static final int CONFLICT = 409;
    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    /** @param prefix the key prefix of the lease folders, ending with '/' */
    S3LeaseStore(S3Client s3, String bucket, String prefix) {
        this.s3 = requireNonNull(s3, "s3 is null");
        this.bucket = requireNonNull(bucket, "bucket is null");
        this.prefix = requireNonNull(prefix, "prefix is null");
    }

    @Override
    public List<Long> generations(String lease) {
        String folder = prefix + lease + "/";
        List<Long> generations = new ArrayList<>();
        s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(folder)).contents().stream()
                .map(S3Object::key)
                .map(key -> LeaseStore.generationOf(key.substring(folder.length())))
                .filter(g -> g >= 0)
                .forEach(generations::add);
        generations.sort(null);
        return generations;
    }

    @Override
    public Optional<LeaseRecord> read(String lease, long generation) {
        try {
            return LeaseRecord.parse(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key(lease, generation))).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean create(String lease, long generation, LeaseRecord record) {
        try {
            s3.putObject(r -> r.bucket(bucket).key(key(lease, generation)).ifNoneMatch("*").contentType("application/json"),
                    RequestBody.fromBytes(record.toJson()));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == PRECONDITION_FAILED || e.statusCode() == CONFLICT) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void replace(String lease, long generation, LeaseRecord record) {
        s3.putObject(r -> r.bucket(bucket).key(key(lease, generation)).contentType("application/json"),
                RequestBody.fromBytes(record.toJson()));
    }

    @Override
    public void delete(String lease, long generation) {
        s3.deleteObject(r -> r.bucket(bucket).key(key(lease, generation)));
    }

    private String key(String lease, long generation) {
        return prefix + lease + "/" + LeaseStore.generationName(generation);
    }
}
