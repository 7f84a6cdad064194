package io.containerlimits.detect;

/**
 * Strict decimal integers for the parsers: what the kernel prints, nothing more.
 *
 * <p>{@link Long#parseLong} accepts a leading {@code +} and non-ASCII digits and throws
 * {@link NumberFormatException}; the parsers must throw only {@link MalformedInputException}, so they use this.
 */
public final class Numbers {

    /** Digits in {@link Long#MAX_VALUE}: a longer run of digits cannot fit. */
    private static final int MAX_DIGITS = 19;

    private Numbers() {
        throw new UnsupportedOperationException();
    }

    /** Whether {@code text} is one or more ASCII digits, optionally after one {@code -}. */
    public static boolean isInteger(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        if (text.length() == start) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code text} as a long: ASCII digits with an optional leading {@code -}.
     *
     * @param what names the field in the message of the exception
     * @throws MalformedInputException if it is not an integer or does not fit a long
     */
    public static long parseLong(String text, String what) {
        if (!isInteger(text)) {
            throw new MalformedInputException(what + ": not an integer", text);
        }
        String digits = stripZeros(text.startsWith("-") ? text.substring(1) : text);
        if (digits.length() > MAX_DIGITS) {
            throw new MalformedInputException(what + ": out of range", text);
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new MalformedInputException(what + ": out of range", text);
        }
    }

    /** Whether {@code text} is an integer (see {@link #isInteger}) too large in magnitude for a long. */
    public static boolean isHugeInteger(String text) {
        if (!isInteger(text)) {
            return false;
        }
        try {
            parseLong(text, "");
            return false;
        } catch (MalformedInputException e) {
            return true;
        }
    }

    private static String stripZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }
}
