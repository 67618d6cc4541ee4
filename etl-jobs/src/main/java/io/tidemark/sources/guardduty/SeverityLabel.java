package io.tidemark.sources.guardduty;

/**
 * The label of a severity. GuardDuty documents the bands 1.0-3.9 low, 4.0-6.9 medium, 7.0-8.9 high and 9.0+
 * critical; Tidemark keeps three labels, so critical findings are labelled High.
 */
enum SeverityLabel {
    LOW("Low"), MEDIUM("Medium"), HIGH("High");

    private final String label;

    SeverityLabel(String label) {
        this.label = label;
    }

    /** Low below 4.0, Medium below 7.0, High from 7.0 up. */
    static SeverityLabel of(double severity) {
        if (severity < 4.0) {
            return LOW;
        }
        return severity < 7.0 ? MEDIUM : HIGH;
    }

    String label() {
        return label;
    }
}
