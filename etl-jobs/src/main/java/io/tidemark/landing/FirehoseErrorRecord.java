package io.tidemark.landing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One record of Firehose error output (FORMATS.md 1.3): the original record, base64 in {@code rawData}, with why
 * Firehose could not deliver it. The key names drift between Firehose features and documentation versions
 * ({@code errorCode}, {@code ErrorCode}, {@code lastErrorCode}, ...): they are matched case-insensitively.
 *
 * @param errorCode    Firehose's error code, or null if absent
 * @param errorMessage Firehose's error message, or null if absent
 * @param rawData      the base64 text of the original record, or null if absent or not a string
 */
public record FirehoseErrorRecord(String errorCode, String errorMessage, String rawData) {
    private static final List<String> CODE_KEYS = List.of("errorcode", "lasterrorcode");
    private static final List<String> MESSAGE_KEYS = List.of("errormessage", "lasterrormessage");
    private static final List<String> DATA_KEYS = List.of("rawdata");
    /** The error-output folder whose records get their own reason code; every other folder is processing. */
    public static final String FORMAT_CONVERSION_FAILED = "format-conversion-failed";

    /** Reads the fields of an error-output document. */
    public static FirehoseErrorRecord from(JsonNode document) {
        return new FirehoseErrorRecord(text(document, CODE_KEYS), text(document, MESSAGE_KEYS), text(document, DATA_KEYS));
    }

    /** The original record's bytes, or empty when rawData is missing or not base64. */
    public Optional<byte[]> data() {
        if (rawData == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getDecoder().decode(rawData.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Why {@link #data()} is empty, for a quarantine detail. */
    public String dataProblem() {
        return rawData == null ? "rawData is missing or not a string" : "rawData is not base64";
    }

    /** Firehose's explanation, for quarantine details: {@code Firehose error Lambda.FunctionError: ...}. */
    public String firehoseError() {
        return "Firehose error " + (errorCode == null ? "(no code)" : errorCode) + ": "
                + (errorMessage == null ? "(no message)" : errorMessage);
    }

    /** The reason code of an unrecoverable record under the given error-output folder. */
    public static ReasonCode reason(String errorOutputType) {
        return FORMAT_CONVERSION_FAILED.equals(errorOutputType)
                ? ReasonCode.FIREHOSE_FORMAT_CONVERSION_FAILED : ReasonCode.FIREHOSE_PROCESSING_FAILED;
    }

    /** The first textual field whose lower-cased name is one of keys (in their order of preference). */
    private static String text(JsonNode document, List<String> keys) {
        for (String key : keys) {
            Iterator<Map.Entry<String, JsonNode>> fields = document.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().toLowerCase(Locale.ROOT).equals(key) && field.getValue().isTextual()) {
                    return field.getValue().textValue();
                }
            }
        }
        return null;
    }
}
