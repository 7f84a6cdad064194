package io.containerlimits.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;

/**
 * The tests' one JSON reader (Jackson, at test scope only), strict, so that reading what {@code json} printed also
 * checks it is valid JSON: one value and nothing after it, no duplicate keys, no comments, no {@code NaN}.
 *
 * <p>As plain values, objects are {@code Map}s in document order, arrays {@code List}s, whole numbers {@code Long},
 * other numbers {@code Double}.
 */
public final class StrictJson {

    /** Configured once; Jackson's mappers are thread-safe once configured. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private StrictJson() {
    }

    /**
     * The one JSON value {@code text} holds, as plain values.
     *
     * @throws IllegalArgumentException when {@code text} is not exactly one JSON value, quoting it
     */
    public static Object parse(String text) {
        return read(text, new TypeReference<Object>() { });
    }

    /** The one JSON object {@code text} holds, as a {@code Map} in document order. */
    public static Map<String, Object> object(String text) {
        return read(text, new TypeReference<Map<String, Object>>() { });
    }

    /** The one JSON value {@code text} holds, as Jackson's tree. */
    public static JsonNode tree(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not one JSON value: " + e.getOriginalMessage() + "\n" + text, e);
        }
    }

    /**
     * The node at a dotted path of object keys, {@code cpu.quota} for {@code {"cpu":{"quota":0.5}}}; a JSON
     * {@code null} there is a {@code NullNode}.
     *
     * @throws IllegalArgumentException naming the path and the document when a key is missing
     */
    public static JsonNode at(JsonNode document, String path) {
        JsonNode current = document;
        for (String key : path.split("\\.")) {
            if (!current.has(key)) {
                throw new IllegalArgumentException("no " + path + " in " + document);
            }
            current = current.get(key);
        }
        return current;
    }

    /** The number at {@code path}; fails when it is missing, {@code null} or not a number. */
    public static double number(JsonNode document, String path) {
        JsonNode value = at(document, path);
        if (!value.isNumber()) {
            throw new IllegalArgumentException(path + " is " + value + ", not a number, in " + document);
        }
        return value.doubleValue();
    }

    private static <T> T read(String text, TypeReference<T> type) {
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not one JSON value: " + e.getOriginalMessage() + "\n" + text, e);
        }
    }
}
