package io.tidemark.catalog.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A hand-written stand-in for the AWS Glue Data Catalog, kept only for what the AWS API emulator (moto) cannot do:
 * faults and call counting ({@link GlueFaultsProtocolFakeTest}); Glue's behaviour itself is tested against moto
 * ({@code GlueCatalogOnMotoTest}, {@code AwsPathOnStandaloneClusterEndToEndTest}). An HTTP server on 127.0.0.1 that speaks Glue's JSON
 * protocol (awsJson1_1: {@code POST /}, {@code X-Amz-Target: AWSGlue.<Operation>}, errors as
 * {@code {"__type": "...", "Message": "..."}}) for the operations {@link GlueCatalog} uses, keeps databases, tables
 * and partitions in memory, enforces Glue's batch limits (100 partitions to create or update, 25 to delete, 1000 to
 * read; more is a {@code ValidationException}), records every call, and injects faults: a throttling answer, a 500,
 * a dropped answer after the change was applied, or a failed entry in a batch answer.
 */
final class GlueProtocolFake implements AutoCloseable {
    static final Map<String, Integer> BATCH_LIMITS = Map.of("BatchCreatePartition", 100, "BatchUpdatePartition", 100,
            "BatchDeletePartition", 25, "BatchGetPartition", 1000);

    /** What an injected fault does to the next call of an operation. */
    enum Fault {
        /** Answers 400 ThrottlingException without applying anything. */
        THROTTLE,
        /** Answers 500 InternalServiceException without applying anything. */
        SERVER_ERROR,
        /** Applies the call, then closes the connection without an answer. */
        DROP_RESPONSE_AFTER_APPLY
    }

    /** One request the server received: the operation and its number of batch entries (0 for others). */
    record Call(String operation, int entries) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final Map<String, ObjectNode> databases = new TreeMap<>();
    private final Map<String, ObjectNode> tables = new TreeMap<>();
    private final Map<String, Map<List<String>, ObjectNode>> partitions = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private final Map<List<String>, Deque<String>> entryFaults = new HashMap<>();

    private GlueProtocolFake(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.start();
    }

    static GlueProtocolFake start() throws IOException {
        return new GlueProtocolFake(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized void failNext(String operation, Fault... next) {
        for (Fault fault : next) {
            faults.computeIfAbsent(operation, o -> new ArrayDeque<>()).add(fault);
        }
    }

    /** The next batch entry for these partition values fails with this error code, without being applied. */
    synchronized void failEntryNext(List<String> values, String errorCode) {
        entryFaults.computeIfAbsent(List.copyOf(values), v -> new ArrayDeque<>()).add(errorCode);
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The entry counts of the calls of one operation, in order. */
    synchronized List<Integer> entries(String operation) {
        return calls.stream().filter(c -> c.operation().equals(operation)).map(Call::entries).toList();
    }

    synchronized List<String> operations() {
        return calls.stream().map(Call::operation).toList();
    }

    synchronized void clearCalls() {
        calls.clear();
    }

    synchronized Optional<JsonNode> table(String database, String table) {
        return Optional.ofNullable(tables.get(database + "." + table)).map(ObjectNode::deepCopy);
    }

    synchronized void putTableParameter(String database, String table, String key, String value) {
        ((ObjectNode) tables.get(database + "." + table).with("Parameters")).put(key, value);
    }

    synchronized Optional<JsonNode> partition(String database, String table, List<String> values) {
        return Optional.ofNullable(partitions.getOrDefault(database + "." + table, Map.of()).get(values)).map(ObjectNode::deepCopy);
    }

    /** Partition values to location of a table, sorted by values. */
    synchronized Map<List<String>, String> locations(String database, String table) {
        Map<List<String>, String> result = new TreeMap<>((a, b) -> String.join("/", a).compareTo(String.join("/", b)));
        partitions.getOrDefault(database + "." + table, Map.of())
                .forEach((values, p) -> result.put(values, p.path("StorageDescriptor").path("Location").asText()));
        return result;
    }

    /** Everything stored, without the times the server set: equal snapshots mean equal catalog state. */
    synchronized String snapshot() {
        ObjectNode all = json.createObjectNode();
        databases.forEach((name, db) -> all.with("databases").set(name, db));
        tables.forEach((name, t) -> all.with("tables").set(name, t.deepCopy().without(List.of("CreateTime", "UpdateTime"))));
        new TreeMap<>(partitions).forEach((name, byValues) -> {
            ObjectNode table = all.with("partitions").with(name);
            byValues.forEach((values, p) -> table.set(String.join("/", values), p.deepCopy().without("CreationTime")));
        });
        return all.toPrettyString();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- the protocol

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            JsonNode body;
            try (InputStream in = exchange.getRequestBody()) {
                body = json.readTree(in.readAllBytes());
            }
            if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith("AWSGlue.")
                    || !"application/x-amz-json-1.1".equals(contentType)) {
                respond(exchange, 400, error("UnknownOperationException", "expected POST / with X-Amz-Target AWSGlue.<op>"
                        + " and Content-Type application/x-amz-json-1.1, got " + target + " / " + contentType));
                return;
            }
            if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")) {
                respond(exchange, 400, error("MissingAuthenticationTokenException", "request is not signed with SigV4"));
                return;
            }
            String operation = target.substring("AWSGlue.".length());
            calls.add(new Call(operation, entryCount(operation, body)));
            Fault fault = Optional.ofNullable(faults.get(operation)).map(Deque::poll).orElse(null);
            if (fault == Fault.THROTTLE) {
                respond(exchange, 400, error("ThrottlingException", "Rate exceeded"));
                return;
            }
            if (fault == Fault.SERVER_ERROR) {
                respond(exchange, 500, error("InternalServiceException", "Internal service error"));
                return;
            }
            ObjectNode answer;
            try {
                answer = apply(operation, body);
            } catch (GlueError e) {
                respond(exchange, e.status, error(e.type, e.getMessage()));
                return;
            }
            if (fault == Fault.DROP_RESPONSE_AFTER_APPLY) {
                return; // closing the exchange before any answer drops the connection
            }
            respond(exchange, 200, answer);
        }
    }

    private ObjectNode apply(String operation, JsonNode body) {
        Integer limit = BATCH_LIMITS.get(operation);
        if (limit != null && entryCount(operation, body) > limit) {
            throw new GlueError(400, "ValidationException", "1 validation error detected: the list of partitions of "
                    + operation + " must have at most " + limit + " members");
        }
        return switch (operation) {
            case "GetDatabase" -> getDatabase(body);
            case "CreateDatabase" -> createDatabase(body);
            case "GetTable" -> getTable(body);
            case "CreateTable" -> createTable(body);
            case "UpdateTable" -> updateTable(body);
            case "BatchGetPartition" -> batchGetPartition(body);
            case "BatchCreatePartition" -> batchCreatePartition(body);
            case "BatchUpdatePartition" -> batchUpdatePartition(body);
            case "BatchDeletePartition" -> batchDeletePartition(body);
            default -> throw new GlueError(400, "UnknownOperationException", "the fake does not implement " + operation);
        };
    }

    private ObjectNode getDatabase(JsonNode body) {
        ObjectNode answer = json.createObjectNode();
        answer.set("Database", database(body.path("Name").asText()).deepCopy());
        return answer;
    }

    private ObjectNode createDatabase(JsonNode body) {
        String name = body.path("DatabaseInput").path("Name").asText();
        if (databases.containsKey(name)) {
            throw new GlueError(400, "AlreadyExistsException", "Database already exists.");
        }
        databases.put(name, body.path("DatabaseInput").deepCopy());
        return json.createObjectNode();
    }

    private ObjectNode getTable(JsonNode body) {
        ObjectNode answer = json.createObjectNode();
        answer.set("Table", storedTable(body.path("DatabaseName").asText(), body.path("Name").asText()).deepCopy());
        return answer;
    }

    private ObjectNode createTable(JsonNode body) {
        String database = body.path("DatabaseName").asText();
        database(database);
        ObjectNode table = body.path("TableInput").deepCopy();
        String key = database + "." + table.path("Name").asText();
        if (tables.containsKey(key)) {
            throw new GlueError(400, "AlreadyExistsException", "Table already exists.");
        }
        table.put("DatabaseName", database);
        table.put("CreateTime", System.currentTimeMillis() / 1000.0);
        tables.put(key, table);
        return json.createObjectNode();
    }

    private ObjectNode updateTable(JsonNode body) {
        String database = body.path("DatabaseName").asText();
        ObjectNode old = storedTable(database, body.path("TableInput").path("Name").asText());
        ObjectNode table = body.path("TableInput").deepCopy();
        table.put("DatabaseName", database);
        table.set("CreateTime", old.get("CreateTime"));
        table.put("UpdateTime", System.currentTimeMillis() / 1000.0);
        tables.put(database + "." + table.path("Name").asText(), table);
        return json.createObjectNode();
    }

    private ObjectNode batchGetPartition(JsonNode body) {
        Map<List<String>, ObjectNode> stored = partitionsOf(body);
        ObjectNode answer = json.createObjectNode();
        ArrayNode found = answer.putArray("Partitions");
        for (JsonNode key : body.path("PartitionsToGet")) {
            ObjectNode partition = stored.get(values(key.path("Values")));
            if (partition != null) {
                found.add(partition.deepCopy());
            }
        }
        answer.putArray("UnprocessedKeys");
        return answer;
    }

    private ObjectNode batchCreatePartition(JsonNode body) {
        Map<List<String>, ObjectNode> stored = partitionsOf(body);
        int keys = storedTable(body.path("DatabaseName").asText(), body.path("TableName").asText()).path("PartitionKeys").size();
        ObjectNode answer = json.createObjectNode();
        ArrayNode errors = answer.putArray("Errors");
        for (JsonNode input : body.path("PartitionInputList")) {
            List<String> values = values(input.path("Values"));
            String failure = injectedEntryFault(values);
            if (failure == null && values.size() != keys) {
                failure = "InvalidInputException";
            } else if (failure == null && stored.containsKey(values)) {
                failure = "AlreadyExistsException";
            }
            if (failure != null) {
                addError(errors, "PartitionValues", input.path("Values"), failure);
            } else {
                stored.put(values, partition(body, input, json.getNodeFactory().numberNode(System.currentTimeMillis() / 1000.0)));
            }
        }
        return answer;
    }

    private ObjectNode batchUpdatePartition(JsonNode body) {
        Map<List<String>, ObjectNode> stored = partitionsOf(body);
        ObjectNode answer = json.createObjectNode();
        ArrayNode errors = answer.putArray("Errors");
        for (JsonNode entry : body.path("Entries")) {
            List<String> values = values(entry.path("PartitionValueList"));
            String failure = injectedEntryFault(values);
            if (failure == null && !stored.containsKey(values)) {
                failure = "EntityNotFoundException";
            }
            if (failure != null) {
                addError(errors, "PartitionValueList", entry.path("PartitionValueList"), failure);
            } else {
                stored.put(values, partition(body, entry.path("PartitionInput"), stored.get(values).get("CreationTime")));
            }
        }
        return answer;
    }

    private ObjectNode batchDeletePartition(JsonNode body) {
        Map<List<String>, ObjectNode> stored = partitionsOf(body);
        ObjectNode answer = json.createObjectNode();
        ArrayNode errors = answer.putArray("Errors");
        for (JsonNode key : body.path("PartitionsToDelete")) {
            List<String> values = values(key.path("Values"));
            String failure = injectedEntryFault(values);
            if (failure == null && stored.remove(values) == null) {
                failure = "EntityNotFoundException";
            }
            if (failure != null) {
                addError(errors, "PartitionValues", key.path("Values"), failure);
            }
        }
        return answer;
    }

    // ---- state helpers

    private ObjectNode database(String name) {
        ObjectNode database = databases.get(name);
        if (database == null) {
            throw new GlueError(400, "EntityNotFoundException", "Database " + name + " not found.");
        }
        return database;
    }

    private ObjectNode storedTable(String database, String name) {
        database(database);
        ObjectNode table = tables.get(database + "." + name);
        if (table == null) {
            throw new GlueError(400, "EntityNotFoundException", "Table " + name + " not found.");
        }
        return table;
    }

    private Map<List<String>, ObjectNode> partitionsOf(JsonNode body) {
        String database = body.path("DatabaseName").asText();
        String table = body.path("TableName").asText();
        storedTable(database, table);
        return partitions.computeIfAbsent(database + "." + table, t -> new LinkedHashMap<>());
    }

    private String injectedEntryFault(List<String> values) {
        Deque<String> queued = entryFaults.get(values);
        return queued == null ? null : queued.poll();
    }

    /** A stored partition: the input as sent, with the names and creation time the service adds. */
    private static ObjectNode partition(JsonNode body, JsonNode input, JsonNode creationTime) {
        ObjectNode partition = input.deepCopy();
        partition.put("DatabaseName", body.path("DatabaseName").asText());
        partition.put("TableName", body.path("TableName").asText());
        partition.set("CreationTime", creationTime);
        return partition;
    }

    /** One entry of a batch answer's Errors; the field naming the values differs by operation. */
    private static void addError(ArrayNode errors, String valuesField, JsonNode values, String code) {
        ObjectNode error = errors.addObject();
        error.set(valuesField, values.deepCopy());
        ObjectNode detail = error.putObject("ErrorDetail");
        detail.put("ErrorCode", code);
        detail.put("ErrorMessage", code.replace("Exception", "") + " (from the fake)");
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return List.copyOf(values);
    }

    private static int entryCount(String operation, JsonNode body) {
        return switch (operation) {
            case "BatchCreatePartition" -> body.path("PartitionInputList").size();
            case "BatchUpdatePartition" -> body.path("Entries").size();
            case "BatchDeletePartition" -> body.path("PartitionsToDelete").size();
            case "BatchGetPartition" -> body.path("PartitionsToGet").size();
            default -> 0;
        };
    }

    private ObjectNode error(String type, String message) {
        ObjectNode error = json.createObjectNode();
        error.put("__type", type);
        error.put("Message", message);
        return error;
    }

    private void respond(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A Glue error answer: HTTP status, the {@code __type} and the message. */
    private static final class GlueError extends RuntimeException {
        private final int status;
        private final String type;

        GlueError(int status, String type, String message) {
            super(message);
            this.status = status;
            this.type = type;
        }
    }
}
