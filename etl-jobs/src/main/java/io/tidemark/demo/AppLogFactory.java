package io.tidemark.demo;

import java.time.Instant;
import java.util.Random;

/**
 * Draws application log messages: for an API service, plain access lines, JSON lines and the odd
 * multi-line stack trace (newline + tab); for a {@code /aws/lambda/...} group, Lambda's own
 * START/END/REPORT lines (tab-separated, ending in a newline) and JSON lines.
 */
final class AppLogFactory {
    private static final String[] PATHS = {"/v1/items", "/v1/items/42", "/v1/cart", "/v1/orders", "/healthz"};
    private static final String[] METHODS = {"GET", "GET", "GET", "POST", "PUT", "DELETE"};
    private static final int[] STATUSES = {200, 200, 200, 200, 201, 204, 400, 404, 500};

    private final Random random;

    AppLogFactory(Random random) {
        this.random = random;
    }

    String logStream(String logGroup, Instant day) {
        if (isLambda(logGroup)) {
            return day.toString().substring(0, 10).replace('-', '/') + "/[$LATEST]" + hex(32);
        }
        return "i-" + hex(17) + "/" + logGroup.substring(logGroup.lastIndexOf('/') + 1) + ".log";
    }

    String message(String logGroup, long timestampMs) {
        return isLambda(logGroup) ? lambdaMessage() : apiMessage(timestampMs);
    }

    private String apiMessage(long timestampMs) {
        int pick = random.nextInt(100);
        String path = PATHS[random.nextInt(PATHS.length)];
        int status = STATUSES[random.nextInt(STATUSES.length)];
        int millis = 1 + random.nextInt(250);
        if (pick < 4) {
            return Instant.ofEpochMilli(timestampMs) + " ERROR [http-nio-8080-exec-" + (1 + random.nextInt(8)) + "] "
                    + "Request failed: " + path + "\n"
                    + "java.lang.IllegalStateException: inventory service unavailable\n"
                    + "\tat io.example.api.ItemService.reserve(ItemService.java:88)\n"
                    + "\tat io.example.api.CartController.add(CartController.java:41)";
        }
        if (pick < 55) {
            return "{\"level\":\"" + (status >= 500 ? "ERROR" : "INFO") + "\",\"method\":\""
                    + METHODS[random.nextInt(METHODS.length)] + "\",\"path\":\"" + path + "\",\"status\":" + status
                    + ",\"ms\":" + millis + ",\"requestId\":\"" + uuid() + "\"}";
        }
        return Instant.ofEpochMilli(timestampMs) + " INFO " + METHODS[random.nextInt(METHODS.length)] + " " + path
                + " " + status + " " + millis + "ms";
    }

    private String lambdaMessage() {
        String requestId = uuid();
        return switch (random.nextInt(4)) {
            case 0 -> "START RequestId: " + requestId + " Version: $LATEST\n";
            case 1 -> "END RequestId: " + requestId + "\n";
            case 2 -> {
                int millis = 5 + random.nextInt(900);
                yield "REPORT RequestId: " + requestId + "\tDuration: " + millis + "." + random.nextInt(10) + random.nextInt(10)
                        + " ms\tBilled Duration: " + (millis + 1) + " ms\tMemory Size: 512 MB\tMax Memory Used: "
                        + (70 + random.nextInt(60)) + " MB\t\n";
            }
            default -> "{\"level\":\"INFO\",\"msg\":\"order placed\",\"orderId\":\"o-" + (100000 + random.nextInt(900000))
                    + "\",\"amountCents\":" + (100 + random.nextInt(50000)) + ",\"requestId\":\"" + requestId + "\"}";
        };
    }

    private static boolean isLambda(String logGroup) {
        return logGroup.startsWith("/aws/lambda/");
    }

    private String uuid() {
        return SeededUuid.next(random).toString();
    }

    private String hex(int digits) {
        StringBuilder out = new StringBuilder(digits);
        while (out.length() < digits) {
            out.append(Character.forDigit(random.nextInt(16), 16));
        }
        return out.toString();
    }
}
