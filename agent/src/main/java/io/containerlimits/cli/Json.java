package io.containerlimits.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a tree of {@link Map}s (objects, in their iteration order), {@link List}s, strings, numbers, booleans and
 * {@code null} as indented JSON. Hand-written, so the jar carries no JSON library.
 *
 * <p>Every character outside printable ASCII is written as a {@code \}{@code uXXXX} escape, so the output is the same
 * whatever the platform's stdout encoding. A double that is NaN or infinite becomes {@code null}.
 */
final class Json {

    /** Spaces per nesting level. */
    private static final String INDENT = "  ";

    private Json() {
        throw new UnsupportedOperationException();
    }

    /** {@code value} as JSON text, without a trailing newline. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, "");
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, String indent) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String) {
            string(out, (String) value);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            out.append(Double.isNaN(d) || Double.isInfinite(d) ? "null" : Double.toString(d));
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map) {
            object(out, (Map<?, ?>) value, indent);
        } else if (value instanceof List) {
            array(out, (List<?>) value, indent);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private static void object(StringBuilder out, Map<?, ?> map, String indent) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        String inner = indent + INDENT;
        out.append("{\n");
        for (Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator(); it.hasNext();) {
            Map.Entry<?, ?> e = it.next();
            out.append(inner);
            string(out, String.valueOf(e.getKey()));
            out.append(": ");
            write(out, e.getValue(), inner);
            out.append(it.hasNext() ? ",\n" : "\n");
        }
        out.append(indent).append('}');
    }

    private static void array(StringBuilder out, List<?> list, String indent) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        String inner = indent + INDENT;
        out.append("[\n");
        for (Iterator<?> it = list.iterator(); it.hasNext();) {
            out.append(inner);
            write(out, it.next(), inner);
            out.append(it.hasNext() ? ",\n" : "\n");
        }
        out.append(indent).append(']');
    }

    /** A JSON string literal (RFC 8259 §7). */
    static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
