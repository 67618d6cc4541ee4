package io.tidemark.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws realistic default-format (v2) flow-log lines: mostly TCP with some UDP and ICMP, about one
 * in seven rejected (mostly probes of admin ports from the internet), a few NODATA and SKIPDATA lines,
 * and 1-minute (Nitro) or 10-minute aggregation windows.
 */
final class FlowLogFactory {
    private static final int TCP = 6;
    private static final int UDP = 17;
    private static final int ICMP = 1;
    private static final int[] TCP_SERVICE_PORTS = {443, 443, 443, 80, 5432, 3306, 6379, 8080};
    private static final int[] UDP_SERVICE_PORTS = {53, 53, 123, 514};
    private static final int[] PROBED_PORTS = {22, 3389, 23, 445, 1433};

    private final Random random;
    private final String accountId;
    private final List<String> interfaceIds;
    private final List<String> privateAddresses;

    FlowLogFactory(Random random, String accountId, int interfaces) {
        this.random = random;
        this.accountId = accountId;
        this.interfaceIds = new ArrayList<>();
        this.privateAddresses = new ArrayList<>();
        for (int i = 0; i < interfaces; i++) {
            interfaceIds.add(String.format("eni-%017x", random.nextLong() & 0xFFFFFFFFFFFFFFFL));
            privateAddresses.add("10.0." + (1 + i % 3) + "." + (10 + i));
        }
    }

    int interfaceCount() {
        return interfaceIds.size();
    }

    String interfaceId(int index) {
        return interfaceIds.get(index);
    }

    /** Log stream of an interface's flow logs in CloudWatch Logs (traffic type ALL). */
    String logStream(int index) {
        return interfaceIds.get(index) + "-all";
    }

    /** Aggregation window length in seconds: mostly 60, sometimes 600. */
    long windowSeconds() {
        return random.nextInt(10) == 0 ? 600 : 60;
    }

    /** A line for interface {@code index} whose window is {@code [start, start + window]}. */
    FlowLogLine next(int index, long start, long window) {
        String eni = interfaceIds.get(index);
        long end = start + window;
        int status = random.nextInt(100);
        if (status < 2) {
            return new FlowLogLine(2, accountId, eni, null, null, null, null, null, null, null, start, end, null, "NODATA");
        }
        if (status < 3) {
            return new FlowLogLine(2, accountId, eni, null, null, null, null, null, null, null, start, end, null, "SKIPDATA");
        }
        String self = privateAddresses.get(index);
        if (random.nextInt(7) == 0) {
            return rejectedProbe(eni, self, start, end);
        }
        int kind = random.nextInt(20);
        int protocol = kind < 15 ? TCP : kind < 19 ? UDP : ICMP;
        String peer = random.nextInt(3) == 0 || privateAddresses.size() == 1 ? publicAddress() : otherPrivateAddress(index);
        Integer servicePort = switch (protocol) {
            case TCP -> TCP_SERVICE_PORTS[random.nextInt(TCP_SERVICE_PORTS.length)];
            case UDP -> UDP_SERVICE_PORTS[random.nextInt(UDP_SERVICE_PORTS.length)];
            default -> 0;
        };
        Integer ephemeral = protocol == ICMP ? 0 : 32768 + random.nextInt(28232);
        long packets = protocol == ICMP ? 1 + random.nextInt(4) : 1 + random.nextInt(400);
        long bytes = packets * (protocol == ICMP ? 84 : 40 + random.nextInt(1461));
        String action = protocol == ICMP && random.nextBoolean() ? "REJECT" : "ACCEPT";
        boolean outbound = random.nextBoolean();
        return outbound
                ? new FlowLogLine(2, accountId, eni, self, peer, ephemeral, servicePort, protocol, packets, bytes, start, end, action, "OK")
                : new FlowLogLine(2, accountId, eni, peer, self, servicePort, ephemeral, protocol, packets, bytes, start, end, action, "OK");
    }

    /** A malformed rendering of {@code line} (variant 0: 13 fields, 1: 15 fields, 2: non-numeric bytes). */
    String malformed(FlowLogLine line, int variant) {
        String rendered = line.render();
        return switch (variant % 3) {
            case 0 -> rendered.substring(0, rendered.lastIndexOf(' '));
            case 1 -> rendered + " eni-extra";
            default -> {
                String[] fields = rendered.split(" ");
                fields[9] = fields[9] + "B"; // bytes: "4810B" is not a number
                yield String.join(" ", fields);
            }
        };
    }

    private FlowLogLine rejectedProbe(String eni, String self, long start, long end) {
        int port = PROBED_PORTS[random.nextInt(PROBED_PORTS.length)];
        long packets = 1 + random.nextInt(3);
        return new FlowLogLine(2, accountId, eni, publicAddress(), self, 1024 + random.nextInt(64511), port, TCP,
                packets, packets * 40, start, end, "REJECT", "OK");
    }

    private String otherPrivateAddress(int index) {
        int other = random.nextInt(privateAddresses.size() - 1);
        return privateAddresses.get(other >= index ? other + 1 : other);
    }

    private String publicAddress() {
        String[] nets = {"203.0.113.", "198.51.100.", "192.0.2."};
        return nets[random.nextInt(nets.length)] + (1 + random.nextInt(254));
    }
}
