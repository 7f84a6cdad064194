package io.containerlimits.fuzz;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One edit to a text: byte flips, truncation, duplication, insertions, deletions, noise, very long text.
 *
 * <p>Drawn as a single random {@code long} and {@linkplain #decode decoded} here: one draw per edit keeps 100,000
 * inputs per parser within a second or two, and the extreme codes ({@code 0}, {@code -1}, {@code Long.MIN_VALUE})
 * make edge-case edits that {@link Mutations} tries first.
 *
 * @param kind     what the edit does
 * @param position where, taken modulo the text's length
 * @param payload  what it inserts or replaces with: one of {@link Mutations#tokens()} or random UTF-16 units
 */
record Mutation(Kind kind, int position, String payload) {

    /** The edits, each with its weight out of {@link #WEIGHT_TOTAL}. */
    enum Kind {
        /** Flips one bit of one character, so a digit becomes another digit, a letter or a control character. */
        FLIP(32),
        /** Cuts the text at the position (at 0: the empty string). */
        TRUNCATE(24),
        /** Inserts the payload (a colon, {@code " - "}, an octal escape, a huge number, unicode, ...). */
        INSERT(48),
        /** Replaces the character at the position with the payload. */
        REPLACE(24),
        /** Deletes one character. */
        DELETE(24),
        /** Repeats the text from the position onwards (a duplicated field, a duplicated line). */
        DUPLICATE(16),
        /** Replaces the number at or after the position with the payload (negative, huge, not a number). */
        RENUMBER(32),
        /** Replaces the whole text with the payload repeated up to 300 times: input with no real shape. */
        NOISE(8),
        /** Appends the text to itself until it passes 64 KiB: rare, since each costs 64 KiB of parsing. */
        GROW(1);

        private final int weight;

        Kind(int weight) {
            this.weight = weight;
        }
    }

    /** Sum of the weights of every {@link Kind}. */
    private static final int WEIGHT_TOTAL = Arrays.stream(Kind.values()).mapToInt(k -> k.weight).sum();

    /** What a reader could be handed at worst: well past any sane file size bound of a few KiB. */
    static final int GROWN_LENGTH = 64 * 1024;

    /** Upper bound of {@link Kind#NOISE}'s repetitions. */
    private static final int MAX_NOISE_REPEAT = 300;

    /** Among payload choices, one in this many is random characters instead of a token. */
    private static final int RANDOM_PAYLOAD_ODDS = 6;

    /** Bits 0-7 choose the kind, 8-31 the position, 32-63 the payload (and the noise's repetitions). */
    static Mutation decode(long code) {
        int kindSlot = (int) ((code & 0xFF) % WEIGHT_TOTAL);
        Kind kind = Kind.values()[0];
        for (Kind k : Kind.values()) {
            if (kindSlot < k.weight) {
                kind = k;
                break;
            }
            kindSlot -= k.weight;
        }
        int position = (int) ((code >>> 8) & 0xFF_FFFF);
        int payloadCode = (int) (code >>> 32);
        return new Mutation(kind, position, payload(payloadCode));
    }

    private static String payload(int code) {
        List<String> tokens = Mutations.tokens();
        int choice = Math.floorMod(code, tokens.size() * RANDOM_PAYLOAD_ODDS);
        if (choice < tokens.size() * (RANDOM_PAYLOAD_ODDS - 1)) {
            return tokens.get(choice % tokens.size());
        }
        Random random = new Random(code);
        char[] chars = new char[random.nextInt(7)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) random.nextInt(Character.MAX_VALUE + 1);
        }
        return new String(chars);
    }

    String applyTo(String text) {
        switch (kind) {
            case GROW:
                return grow(text.isEmpty() ? payload : text);
            case NOISE:
                return payload.repeat(1 + position % MAX_NOISE_REPEAT);
            default:
                break;
        }
        if (text.isEmpty()) {
            return kind == Kind.INSERT || kind == Kind.REPLACE ? payload : text;
        }
        int at = Math.floorMod(position, text.length());
        switch (kind) {
            case FLIP:
                return text.substring(0, at) + (char) (text.charAt(at) ^ (1 << (position % 16)))
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
