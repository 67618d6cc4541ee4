package io.tidemark.demo;

/** Test-side check of a default-format (v2) flow-log line: 14 fields, numeric fields numeric or '-'. */
final class FlowLineCheck {
    private static final int[] NUMERIC = {0, 5, 6, 7, 8, 9, 10, 11};

    private FlowLineCheck() {
    }

    static boolean wellFormed(String message) {
        String[] fields = message.split(" ", -1);
        if (fields.length != 14) {
            return false;
        }
        for (int i : NUMERIC) {
            if (!fields[i].equals("-") && !fields[i].matches("\\d+")) {
                return false;
            }
        }
        return true;
    }
}
