package io.tidemark.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads a JSON config file into an immutable record. Unknown keys and bad values fail with a
 * {@link ConfigException} naming the file, the key and what is expected.
 */
public final class JsonConfigReader {
    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public <T> T read(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("Cannot read config " + file + ": no such file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), type);
        } catch (IOException e) {
            throw new ConfigException("Cannot read config " + file + ": " + e.getMessage(), e);
        }
    }

    public <T> T read(InputStream in, String source, Class<T> type) {
        try {
            T value = mapper.readValue(in, type);
            if (value == null) {
                throw new ConfigException("Cannot read config " + source + ": expected a JSON object, found null");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new ConfigException("Cannot read config " + source + ": unknown key '" + path(e)
                    + "'; expected one of: " + known, e);
        } catch (InvalidTypeIdException e) {
            throw new ConfigException("Cannot read config " + source + ": '" + path(e) + "' has unknown type id '"
                    + e.getTypeId() + "'; expected one of the supported names (for source.family: cloudwatch_logs)", e);
        } catch (InvalidFormatException e) {
            throw new ConfigException("Cannot read config " + source + ": bad value '" + e.getValue() + "' for '" + path(e)
                    + "'; expected " + describe(e.getTargetType()), e);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            String why = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getOriginalMessage();
            throw new ConfigException("Cannot read config " + source + (path(e).isEmpty() ? "" : " at '" + path(e) + "'") + ": " + why, e);
        } catch (JsonMappingException e) {
            throw new ConfigException("Cannot read config " + source + ": bad value for '" + path(e) + "': " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException("Cannot read config " + source + ": not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException("Cannot read config " + source + ": " + e.getMessage(), e);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.toString().toLowerCase(java.util.Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        if (type == java.time.LocalDate.class) {
            return "a date yyyy-MM-dd";
        }
        return "a value of type " + type.getSimpleName();
    }
}
