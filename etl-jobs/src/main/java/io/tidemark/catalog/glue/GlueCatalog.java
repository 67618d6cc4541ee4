package io.tidemark.catalog.glue;

import io.tidemark.catalog.Catalog;
import io.tidemark.catalog.TableRef;
import io.tidemark.config.CatalogConfig;
import io.tidemark.config.ColumnSpec;
import io.tidemark.config.DatasetSchema;
import io.tidemark.config.PartitionKey;
import io.tidemark.lake.PartitionVersion;
import io.tidemark.ErrorCode;
import io.tidemark.TidemarkException;
import io.tidemark.sources.DatasetStructs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.BatchGetPartitionResponse;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionRequestEntry;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.ErrorDetail;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.PartitionValueList;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

/**
 * The AWS Glue Data Catalog through the AWS SDK for Java v2, for Spark runtimes whose metastore client is not Glue
 * (on EMR and Glue with their catalog integration, {@code HiveCatalog} already talks to Glue). Same semantics as
 * {@code HiveCatalog}: external Parquet tables with string partition keys; publishing adds missing partitions and
 * moves existing ones to their new version folder.
 *
 * <p>Every call is idempotent on retry. The SDK retries throttling, 5xx answers and dropped connections; a retried
 * request whose first attempt was applied is recognised (a table or partition that already exists is updated to
 * the wanted state, a partition already deleted counts as deleted). Failed entries of batch calls are retried
 * when Glue says they may succeed later, and otherwise reported by partition. Batch calls respect Glue's limits:
 * 100 partitions to create or update, 25 to delete, 1000 to read.
 *
 * <p>Spark SQL does not know these tables by name: readers go through {@link #locations}.
 */
public final class GlueCatalog implements Catalog, AutoCloseable {
    static final int MAX_PARTITIONS_PER_CREATE = 100;
    static final int MAX_PARTITIONS_PER_UPDATE = 100;
    static final int MAX_PARTITIONS_PER_DELETE = 25;
    static final int MAX_PARTITIONS_PER_GET = 1000;
    /** Rounds of a batch operation for entries that failed with a retryable error code. */
    static final int ENTRY_ROUNDS = 4;
    private static final int MAX_VALUE_LENGTH = 1024;
    private static final Set<String> RETRYABLE_ENTRY_ERRORS = Set.of("ThrottlingException", "InternalServiceException",
            "OperationTimeoutException", "ConcurrentModificationException", "ResourceNotReadyException");
    private static final String ALREADY_EXISTS = "AlreadyExistsException";
    private static final String NOT_FOUND = "EntityNotFoundException";

    private final GlueClient glue;
    private final String catalogId;
    private final Duration entryRetryDelay;
    private final Set<String> knownDatabases = ConcurrentHashMap.newKeySet();

    /**
     * @param glue            the client (its retry strategy handles throttling and transient failures of whole calls)
     * @param catalogId       the account that owns the catalog; empty for the caller's
     * @param entryRetryDelay the pause before retrying failed entries of a batch call, doubled each round
     */
    public GlueCatalog(GlueClient glue, Optional<String> catalogId, Duration entryRetryDelay) {
        this.glue = java.util.Objects.requireNonNull(glue, "glue is null");
        this.catalogId = catalogId.orElse(null);
        this.entryRetryDelay = java.util.Objects.requireNonNull(entryRetryDelay, "entryRetryDelay is null");
    }

    /** The catalog of the config, with credentials from the SDK's default provider chain. */
    public static GlueCatalog connect(CatalogConfig config) {
        return connect(config, DefaultCredentialsProvider.builder().build());
    }

    public static GlueCatalog connect(CatalogConfig config, AwsCredentialsProvider credentials) {
        return new GlueCatalog(GlueClientFactory.create(config, credentials), config.glueCatalogId(), Duration.ofMillis(500));
    }

    @Override
    public boolean tablesVisibleToSparkSql() {
        return false;
    }

    @Override
    public void ensureTable(TableRef table, DatasetSchema schema, String location) {
        ensureDatabase(table.database());
        TableInput wanted = GlueTableDefinition.tableInput(table, schema, location);
        Optional<Table> existing = table(table);
        if (existing.isEmpty()) {
            boolean created = call("create table " + table, () -> {
                try {
                    glue.createTable(r -> r.catalogId(catalogId).databaseName(table.database()).tableInput(wanted));
                    return true;
                } catch (AlreadyExistsException e) {
                    // a retried create whose first attempt was applied, or another run: bring it to the wanted state
                    return false;
                }
            });
            if (created) {
                return;
            }
            existing = table(table);
            if (existing.isEmpty()) {
                throw new TidemarkException(ErrorCode.CATALOG_FAILED, "Cannot create table " + table
                        + " in the Glue Data Catalog: it was reported as existing, then as missing (deleted concurrently?)");
            }
        }
        if (!GlueTableDefinition.matches(existing.get(), wanted)) {
            TableInput update = GlueTableDefinition.updateOf(existing.get(), wanted);
            call("update table " + table, () -> glue.updateTable(r -> r.catalogId(catalogId).databaseName(table.database())
                    .tableInput(update)));
        }
    }

    @Override
    public void addColumns(TableRef table, List<ColumnSpec> columns) {
        Table existing = table(table).orElseThrow(() -> new TidemarkException(ErrorCode.CATALOG_FAILED,
                "Cannot add columns to " + table + ": the table is not in the Glue Data Catalog"));
        List<Column> current = existing.storageDescriptor().columns();
        Map<String, Column> byName = new HashMap<>();
        current.forEach(c -> byName.put(c.name().toLowerCase(Locale.ROOT), c));
        List<Column> missing = new ArrayList<>();
        for (ColumnSpec column : columns) {
            String type = DatasetStructs.hiveType(column.type());
            Column have = byName.get(column.name());
            if (have == null) {
                missing.add(Column.builder().name(column.name()).type(type)
                        .comment(column.doc().isEmpty() ? null : column.doc()).build());
            } else if (!have.type().equalsIgnoreCase(type)) {
                throw new IllegalStateException("Cannot add column '" + column.name() + "' (" + column.type() + ") to "
                        + table + ": the table has it as " + have.type());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        List<Column> wanted = new ArrayList<>(current);
        wanted.addAll(missing);
        TableInput update = GlueTableDefinition.withColumns(existing, wanted);
        call("add columns to " + table, () -> glue.updateTable(r -> r.catalogId(catalogId)
                .databaseName(table.database()).tableInput(update)));
    }

    /**
     * Looks up the candidate partitions by value with BatchGetPartition (no listing): {@code dt=value} for a table
     * partitioned by {@code dt}, its 24 hours for one partitioned by {@code dt, hr}.
     */
    @Override
    public List<PartitionVersion> publishedWhere(TableRef table, String column, String value) {
        Optional<Table> existing = table(table);
        if (existing.isEmpty()) {
            return List.of();
        }
        List<String> partitioning = existing.get().partitionKeys().stream().map(Column::name).toList();
        List<PartitionKey> candidates = new ArrayList<>();
        if (partitioning.equals(List.of(column))) {
            candidates.add(new PartitionKey(table.table(), Map.of(column, value)));
        } else if (partitioning.equals(List.of(column, "hr"))) {
            for (int hour = 0; hour < 24; hour++) {
                candidates.add(PartitionKey.of(table.table(), partitioning, List.of(value, String.format("%02d", hour))));
            }
        } else {
            throw new TidemarkException(ErrorCode.CATALOG_FAILED, "Cannot look up the partitions of " + table + " where "
                    + column + "='" + value + "': its partition keys are " + partitioning);
        }
        List<PartitionVersion> versions = new ArrayList<>();
        locations(table, candidates).forEach((key, location) -> versions.add(new PartitionVersion(key, location)));
        versions.sort(java.util.Comparator.comparing(PartitionVersion::partition));
        return versions;
    }

    @Override
    public boolean tableExists(TableRef table) {
        return table(table).isPresent();
    }

    @Override
    public Map<PartitionKey, String> locations(TableRef table, List<PartitionKey> partitions) {
        Map<List<String>, PartitionKey> byValues = new LinkedHashMap<>();
        partitions.forEach(key -> byValues.put(values(key), key));
        Map<PartitionKey, String> found = new LinkedHashMap<>();
        for (List<List<String>> batch : chunks(List.copyOf(byValues.keySet()), MAX_PARTITIONS_PER_GET)) {
            List<List<String>> pending = batch;
            for (int round = 0; !pending.isEmpty(); round++) {
                if (round == ENTRY_ROUNDS) {
                    throw new TidemarkException(ErrorCode.CATALOG_FAILED, "Cannot read the locations of " + pending.size()
                            + " partitions of " + table + " from the Glue Data Catalog: still unprocessed after "
                            + ENTRY_ROUNDS + " rounds, e.g. " + pending.get(0));
                }
                pauseBeforeRound(round);
                List<PartitionValueList> keys = pending.stream().map(v -> PartitionValueList.builder().values(v).build()).toList();
                Optional<BatchGetPartitionResponse> response = call("read partitions of " + table, () -> {
                    try {
                        return Optional.of(glue.batchGetPartition(r -> r.catalogId(catalogId).databaseName(table.database())
                                .tableName(table.table()).partitionsToGet(keys)));
                    } catch (EntityNotFoundException e) {
                        return Optional.empty();
                    }
                });
                if (response.isEmpty()) {
                    return Map.of(); // no such table (or database): nothing is published
                }
                for (Partition partition : response.get().partitions()) {
                    PartitionKey key = byValues.get(partition.values());
                    if (key != null && partition.storageDescriptor() != null) {
                        found.put(key, partition.storageDescriptor().location());
                    }
                }
                pending = response.get().unprocessedKeys().stream().map(PartitionValueList::values).toList();
            }
        }
        Map<PartitionKey, String> ordered = new LinkedHashMap<>();
        partitions.stream().filter(found::containsKey).forEach(key -> ordered.put(key, found.get(key)));
        return ordered;
    }

    /**
     * Every partition with its location, listed with GetPartitions page by page (the SDK's paginator follows
     * {@code NextToken}); empty when the table does not exist. Used by garbage collection, which must see them all.
     */
    @Override
    public Map<PartitionKey, String> allLocations(TableRef table) {
        Optional<Table> existing = table(table);
        if (existing.isEmpty()) {
            return Map.of();
        }
        List<String> partitioning = existing.get().partitionKeys().stream().map(Column::name).toList();
        Map<PartitionKey, String> found = new LinkedHashMap<>();
        call("list the partitions of " + table, () -> {
            glue.getPartitionsPaginator(r -> r.catalogId(catalogId).databaseName(table.database()).tableName(table.table())
                            .maxResults(MAX_PARTITIONS_PER_GET))
                    .stream().flatMap(page -> page.partitions().stream()).forEach(partition -> {
                        if (partition.storageDescriptor() != null && partition.storageDescriptor().location() != null) {
                            found.put(PartitionKey.of(table.table(), partitioning, partition.values()),
                                    partition.storageDescriptor().location());
                        }
                    });
            return null;
        });
        return found;
    }

    @Override
    public void publish(TableRef table, List<PartitionVersion> versions) {
        if (versions.isEmpty()) {
            return;
        }
        Table current = table(table).orElseThrow(() -> new TidemarkException(ErrorCode.CATALOG_FAILED,
                "Cannot publish partitions of " + table + ": the table is not in the Glue Data Catalog"));
        // validate every partition before the first call, so a bad one rejects the batch without moving any partition
        List<String> partitionKeys = current.partitionKeys().stream().map(Column::name).toList();
        versions.forEach(v -> requireValid(table, partitionKeys, v.partition()));
        StorageDescriptor template = current.storageDescriptor();

        Map<PartitionKey, String> existing = locations(table, versions.stream().map(PartitionVersion::partition).toList());
        Map<List<String>, PartitionVersion> create = new LinkedHashMap<>();
        Map<List<String>, PartitionVersion> update = new LinkedHashMap<>();
        for (PartitionVersion version : versions) {
            String location = existing.get(version.partition());
            if (location == null) {
                create.put(values(version.partition()), version);
            } else if (!location.equals(version.location())) {
                update.put(values(version.partition()), version);
            }
        }
        Map<List<String>, PartitionVersion> all = new LinkedHashMap<>(create);
        all.putAll(update);
        Map<List<String>, EntryError> failed = new LinkedHashMap<>();
        Map<List<String>, EntryError> lastRetryable = new LinkedHashMap<>();
        for (int round = 0; !(create.isEmpty() && update.isEmpty()); round++) {
            if (round == ENTRY_ROUNDS) {
                create.keySet().forEach(v -> failed.put(v, lastRetryable.get(v)));
                update.keySet().forEach(v -> failed.put(v, lastRetryable.get(v)));
                break;
            }
            pauseBeforeRound(round);
            Map<List<String>, PartitionVersion> createNext = new LinkedHashMap<>();
            Map<List<String>, PartitionVersion> updateNext = new LinkedHashMap<>();
            for (EntryError error : createPartitions(table, template, create.values())) {
                PartitionVersion version = all.get(error.values());
                if (error.code().equals(ALREADY_EXISTS)) {
                    update.put(error.values(), version); // applied by an attempt whose answer was lost, or added meanwhile
                } else if (RETRYABLE_ENTRY_ERRORS.contains(error.code())) {
                    createNext.put(error.values(), version);
                    lastRetryable.put(error.values(), error);
                } else {
                    failed.put(error.values(), error);
                }
            }
            for (EntryError error : updatePartitions(table, template, update.values())) {
                PartitionVersion version = all.get(error.values());
                if (error.code().equals(NOT_FOUND)) {
                    createNext.put(error.values(), version); // dropped meanwhile: add it again
                    lastRetryable.put(error.values(), error);
                } else if (RETRYABLE_ENTRY_ERRORS.contains(error.code())) {
                    updateNext.put(error.values(), version);
                    lastRetryable.put(error.values(), error);
                } else {
                    failed.put(error.values(), error);
                }
            }
            create = createNext;
            update = updateNext;
        }
        if (!failed.isEmpty()) {
            throw new TidemarkException(ErrorCode.CATALOG_FAILED, "Cannot publish " + failed.size() + " of " + versions.size()
                    + " partitions of " + table + " in the Glue Data Catalog (the others are published; a rerun converges): "
                    + describe(failed, keysOf(all)));
        }
    }

    /**
     * Drops the given partitions (the catalog entries, not the files), in calls of at most 25. Partitions that do
     * not exist, or a table that does not exist, count as dropped.
     */
    public void dropPartitions(TableRef table, List<PartitionKey> partitions) {
        Map<List<String>, PartitionKey> byValues = new LinkedHashMap<>();
        partitions.forEach(key -> byValues.put(values(key), key));
        List<List<String>> pending = List.copyOf(byValues.keySet());
        Map<List<String>, EntryError> failed = new LinkedHashMap<>();
        Map<List<String>, EntryError> lastRetryable = new LinkedHashMap<>();
        for (int round = 0; !pending.isEmpty(); round++) {
            List<List<String>> next = new ArrayList<>();
            if (round == ENTRY_ROUNDS) {
                pending.forEach(v -> failed.put(v, lastRetryable.get(v)));
                break;
            }
            pauseBeforeRound(round);
            for (List<List<String>> batch : chunks(pending, MAX_PARTITIONS_PER_DELETE)) {
                List<PartitionValueList> keys = batch.stream().map(v -> PartitionValueList.builder().values(v).build()).toList();
                Optional<List<EntryError>> errors = call("drop " + batch.size() + " partitions of " + table, () -> {
                    try {
                        return Optional.of(glue.batchDeletePartition(r -> r.catalogId(catalogId).databaseName(table.database())
                                        .tableName(table.table()).partitionsToDelete(keys))
                                .errors().stream().map(e -> EntryError.of(e.partitionValues(), e.errorDetail())).toList());
                    } catch (EntityNotFoundException e) {
                        return Optional.empty();
                    }
                });
                if (errors.isEmpty()) {
                    return; // no such table: nothing to drop
                }
                for (EntryError error : errors.get()) {
                    if (RETRYABLE_ENTRY_ERRORS.contains(error.code())) {
                        next.add(error.values());
                        lastRetryable.put(error.values(), error);
                    } else if (!error.code().equals(NOT_FOUND)) {
                        failed.put(error.values(), error);
                    }
                }
            }
            pending = next;
        }
        if (!failed.isEmpty()) {
            throw new TidemarkException(ErrorCode.CATALOG_FAILED, "Cannot drop " + failed.size() + " partitions of " + table
                    + " from the Glue Data Catalog: " + describe(failed, byValues));
        }
    }

    @Override
    public void close() {
        glue.close();
    }

    private void ensureDatabase(String database) {
        if (knownDatabases.contains(database)) {
            return;
        }
        boolean exists = call("read database " + database, () -> {
            try {
                glue.getDatabase(r -> r.catalogId(catalogId).name(database));
                return true;
            } catch (EntityNotFoundException e) {
                return false;
            }
        });
        if (!exists) {
            call("create database " + database, () -> {
                try {
                    glue.createDatabase(r -> r.catalogId(catalogId).databaseInput(d -> d.name(database)
                            .description("Tidemark lake tables")));
                } catch (AlreadyExistsException e) {
                    // a retried create whose first attempt was applied, or another run
                }
                return null;
            });
        }
        knownDatabases.add(database);
    }

    private Optional<Table> table(TableRef table) {
        return call("read table " + table, () -> {
            try {
                return Optional.of(glue.getTable(r -> r.catalogId(catalogId).databaseName(table.database()).name(table.table())).table());
            } catch (EntityNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    private List<EntryError> createPartitions(TableRef table, StorageDescriptor template, Collection<PartitionVersion> versions) {
        List<EntryError> errors = new ArrayList<>();
        for (List<PartitionVersion> batch : chunks(List.copyOf(versions), MAX_PARTITIONS_PER_CREATE)) {
            List<PartitionInput> inputs = batch.stream().map(v -> partitionInput(template, v)).toList();
            call("add " + batch.size() + " partitions to " + table, () -> glue.batchCreatePartition(r -> r.catalogId(catalogId)
                    .databaseName(table.database()).tableName(table.table()).partitionInputList(inputs)))
                    .errors().forEach(e -> errors.add(EntryError.of(e.partitionValues(), e.errorDetail())));
        }
        return errors;
    }

    private List<EntryError> updatePartitions(TableRef table, StorageDescriptor template, Collection<PartitionVersion> versions) {
        List<EntryError> errors = new ArrayList<>();
        for (List<PartitionVersion> batch : chunks(List.copyOf(versions), MAX_PARTITIONS_PER_UPDATE)) {
            List<BatchUpdatePartitionRequestEntry> entries = batch.stream()
                    .map(v -> BatchUpdatePartitionRequestEntry.builder().partitionValueList(values(v.partition()))
                            .partitionInput(partitionInput(template, v)).build())
                    .toList();
            call("move " + batch.size() + " partitions of " + table, () -> glue.batchUpdatePartition(r -> r.catalogId(catalogId)
                    .databaseName(table.database()).tableName(table.table()).entries(entries)))
                    .errors().forEach(e -> errors.add(EntryError.of(e.partitionValueList(), e.errorDetail())));
        }
        return errors;
    }

    /** A partition has the table's storage (columns, formats, SerDe) at its own location, as Athena expects. */
    private static PartitionInput partitionInput(StorageDescriptor template, PartitionVersion version) {
        StorageDescriptor.Builder storage = template == null ? StorageDescriptor.builder() : template.toBuilder();
        return PartitionInput.builder()
                .values(values(version.partition()))
                .storageDescriptor(storage.location(version.location()).build())
                .build();
    }

    private static List<String> values(PartitionKey key) {
        return List.copyOf(key.values().values());
    }

    private static void requireValid(TableRef table, List<String> partitionKeys, PartitionKey key) {
        if (!List.copyOf(key.values().keySet()).equals(partitionKeys)) {
            throw new IllegalArgumentException("Cannot publish partition " + key.path() + " of " + table
                    + ": the table is partitioned by " + partitionKeys);
        }
        key.values().forEach((column, value) -> {
            if (value == null || value.isEmpty() || value.length() > MAX_VALUE_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("Cannot publish partition " + column + "='" + value + "' of " + table
                        + ": values must be 1 to " + MAX_VALUE_LENGTH + " characters without control characters");
            }
        });
    }

    /** {@code dt=2026-11-24/hr=10 (InvalidInputException: ...); ...} */
    private static String describe(Map<List<String>, EntryError> failed, Map<List<String>, PartitionKey> keys) {
        return failed.entrySet().stream()
                .map(e -> {
                    PartitionKey key = keys.get(e.getKey());
                    EntryError error = e.getValue();
                    return (key == null ? String.valueOf(e.getKey()) : key.path())
                            + " (" + (error == null ? "no answer" : error.code() + ": " + error.message()) + ")";
                })
                .collect(Collectors.joining("; "));
    }

    private static Map<List<String>, PartitionKey> keysOf(Map<List<String>, PartitionVersion> versions) {
        Map<List<String>, PartitionKey> keys = new LinkedHashMap<>();
        versions.forEach((values, version) -> keys.put(values, version.partition()));
        return keys;
    }

    private void pauseBeforeRound(int round) {
        if (round == 0) {
            return;
        }
        try {
            Thread.sleep(entryRetryDelay.toMillis() << (round - 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TidemarkException(ErrorCode.CATALOG_FAILED, "Interrupted while retrying Glue Data Catalog calls", e);
        }
    }

    /** Runs one Glue call (with the SDK's retries); what is still failing after them names the action. */
    private <T> T call(String action, Supplier<T> request) {
        try {
            return request.get();
        } catch (GlueException e) {
            String code = e.awsErrorDetails() == null ? String.valueOf(e.statusCode()) : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            throw new TidemarkException(ErrorCode.CATALOG_FAILED, "Cannot " + action + " in the Glue Data Catalog: "
                    + code + ": " + message + " (check the IAM permissions listed in the README, and catalog.region)", e);
        } catch (SdkClientException e) {
            throw new TidemarkException(ErrorCode.CATALOG_FAILED, "Cannot " + action + " in the Glue Data Catalog at "
                    + endpoint() + ": " + e.getMessage() + " (check catalog.region / catalog.endpoint and the network path to Glue)", e);
        }
    }

    /** The endpoint the client talks to: the configured one, else the region's. */
    private String endpoint() {
        var configuration = glue.serviceClientConfiguration();
        return configuration.endpointOverride().map(Object::toString)
                .orElse("the endpoint of region " + configuration.region());
    }

    private static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            chunks.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return chunks;
    }

    /** One failed entry of a batch partition call. */
    record EntryError(List<String> values, String code, String message) {
        static EntryError of(List<String> values, ErrorDetail detail) {
            return new EntryError(List.copyOf(values), detail == null || detail.errorCode() == null ? "Unknown" : detail.errorCode(),
                    detail == null ? "" : String.valueOf(detail.errorMessage()));
        }
    }
}
