package io.containerlimits.jvmoptions;

import java.util.ArrayList;
import java.util.List;

/**
 * The syntax of JVM options as the launcher reads them in {@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS},
 * {@code _JAVA_OPTIONS} and the command line.
 *
 * <p>The JVM takes the last occurrence of an option, so look-ups return the last match.
 */
final class JvmOptions {

    private JvmOptions() {
        throw new UnsupportedOperationException();
    }

    /**
     * Splits an options variable the way the launcher does: on whitespace, with single or double quotes grouping
     * ({@code -Dx="a b" -Xmx1g -> [-Dx=a b, -Xmx1g]}). {@code null} gives an empty list.
     */
    static List<String> tokenize(String options) {
        List<String> tokens = new ArrayList<String>();
        if (options == null) {
            return tokens;
        }
        StringBuilder current = new StringBuilder();
        boolean inToken = false;
        char quote = 0;
        for (int i = 0; i < options.length(); i++) {
            char c = options.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inToken = true;
            } else if (Character.isWhitespace(c)) {
                if (inToken) {
                    tokens.add(current.toString());
                    current.setLength(0);
                    inToken = false;
                }
            } else {
                current.append(c);
                inToken = true;
            }
        }
        if (inToken) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    /**
     * The value of the last token starting with {@code prefix} ({@code "-Xmx"}, {@code "-XX:MaxHeapSize="}), or
     * {@code null} when none does.
     */
    static String lastValue(List<String> tokens, String prefix) {
        String value = null;
        for (String token : tokens) {
            if (token.startsWith(prefix)) {
                value = token.substring(prefix.length());
            }
        }
        return value;
    }
}
