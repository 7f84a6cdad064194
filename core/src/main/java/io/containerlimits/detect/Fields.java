package io.containerlimits.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a line into white-space separated fields without {@link java.util.regex}.
 *
 * <p>{@code String.split("\\s+")} compiles a regular expression, and on JDK 9+ that bootstraps lambdas: measured
 * here at 50-100 ms on the first call, which the agent would pay at every JVM start. Single-character
 * {@code split(",")} has a fast path that avoids it and is used directly elsewhere.
 */
public final class Fields {

    private Fields() {
        throw new UnsupportedOperationException();
    }

    /** The fields of {@code text} separated by runs of spaces and tabs: {@code " a \t b "} is {@code [a, b]}. */
    public static String[] split(String text) {
        List<String> fields = new ArrayList<String>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean blank = i == text.length() || text.charAt(i) == ' ' || text.charAt(i) == '\t';
            if (blank && start >= 0) {
                fields.add(text.substring(start, i));
                start = -1;
            } else if (!blank && start < 0) {
                start = i;
            }
        }
        return fields.toArray(new String[0]);
    }
}
