package io.tidemark.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One in-process CLI invocation with the exit code and what it printed on stdout. */
record CapturedCli(int exitCode, String stdout) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static CapturedCli run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = TidemarkCli.execute(args);
            return new CapturedCli(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    /** The JSON result line: the last line on stdout. */
    JsonNode resultLine() throws IOException {
        List<String> lines = stdout.lines().toList();
        return JSON.readTree(lines.get(lines.size() - 1));
    }
}
