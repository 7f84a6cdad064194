package io.containerlimits.fuzz;

/**
 * One edit to a text, as a value that jqwik generates and shrinks: a failing input shrinks to the fewest, smallest
 * edits of a real line, which reads far better than a shrunk random string.
 *
 * @param kind     what the edit does
 * @param position where, taken modulo the text's length (so any int is valid and shrinks towards the start)
 * @param payload  what it inserts or how much it repeats: one of {@link Mutations#tokens()} or random characters
 */
record Mutation(Kind kind, int position, String payload) {

    /** The edits the issue asks for: byte flips, truncation, duplication, insertions, deletions, very long text. */
    enum Kind {
        /** Flips one bit of one character, so a digit becomes another digit, a letter or a control character. */
        FLIP,
        /** Cuts the text at the position. */
        TRUNCATE,
        /** Inserts the payload (a colon, {@code " - "}, an octal escape, a huge number, unicode, ...). */
        INSERT,
        /** Replaces the character at the position with the payload. */
        REPLACE,
        /** Deletes one character. */
        DELETE,
        /** Repeats the text from the position onwards (a duplicated field, a duplicated line). */
        DUPLICATE,
        /** Replaces the number at the position, if any, with the payload (negative, huge, not a number). */
        RENUMBER,
        /** Appends the text to itself until it passes 64 KiB: what a bounded reader must survive. */
        GROW
    }

    /** What a reader could be handed at worst: well past any sane file size bound of a few KiB. */
    static final int GROWN_LENGTH = 64 * 1024;

    String applyTo(String text) {
        if (kind == Kind.GROW) {
            return grow(text.isEmpty() ? payload : text);
        }
        if (text.isEmpty()) {
            return kind == Kind.INSERT || kind == Kind.REPLACE ? payload : text;
        }
        int at = Math.floorMod(position, text.length());
        switch (kind) {
            case FLIP:
                return text.substring(0, at) + (char) (text.charAt(at) ^ (1 << Math.floorMod(position, 16)))
                        + text.substring(at + 1);
            case TRUNCATE:
                return text.substring(0, at);
            case INSERT:
                return text.substring(0, at) + payload + text.substring(at);
            case REPLACE:
                return text.substring(0, at) + payload + text.substring(at + 1);
            case DELETE:
                return text.substring(0, at) + text.substring(at + 1);
            case DUPLICATE:
                return text + text.substring(at);
            case RENUMBER:
                return renumber(text, at);
            default:
                throw new AssertionError(kind);
        }
    }

    /** Swaps the run of digits that starts at or after {@code at} for the payload; no digits, no change. */
    private String renumber(String text, int at) {
        int start = at;
        while (start < text.length() && !Character.isDigit(text.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return start == text.length() ? text : text.substring(0, start) + payload + text.substring(end);
    }

    private static String grow(String text) {
        if (text.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(GROWN_LENGTH + text.length());
        while (sb.length() < GROWN_LENGTH) {
            sb.append(text);
        }
        return sb.toString();
    }
}
