package io.containerlimits.it.rewrite;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The harness's one summary line, {@code REWRITE-SAFETY<TAB>key=value<TAB>...}, written by {@link RewriteHarness}
 * and parsed by the test. Values never hold a tab.
 */
final class SummaryLine {

    /** First field of the line. */
    static final String MARKER = "REWRITE-SAFETY";

    /** Marker of the detail lines printed before the summary, one per verification error. */
    static final String ERROR_MARKER = "VERIFY-ERROR";

    private SummaryLine() {
    }

    static String format(Map<String, ?> fields) {
        StringBuilder line = new StringBuilder(MARKER);
        fields.forEach((key, value) -> line.append('\t').append(key).append('=').append(value));
        return line.toString();
    }

    /** The fields of the last summary line in {@code output}, in order; empty when the harness printed none. */
    static Optional<Map<String, String>> find(String output) {
        String last = null;
        for (String line : output.split("\n")) {
            if (line.startsWith(MARKER + "\t")) {
                last = line;
            }
        }
        if (last == null) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : last.substring(MARKER.length() + 1).split("\t")) {
            String[] keyValue = field.split("=", 2);
            fields.put(keyValue[0], keyValue.length == 2 ? keyValue[1] : "");
        }
        return Optional.of(fields);
    }
}
