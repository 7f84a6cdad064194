package io.containerlimits.detect;

/**
 * A kernel file or line that does not have the expected format.
 *
 * <p>This is the only exception the detection parsers ({@code CgroupLine.parse}, {@code MountInfoEntry.parse},
 * {@code CpuMax.parse}, {@code CfsQuota.parse}, {@code MemoryValue.parse}, {@code MemoryStat.hierarchicalLimit},
 * {@code CpuList.count}, {@code ProcStatus.cpusAllowedList}, {@code MemInfo.memTotal}, {@code SiblingList.parse},
 * {@code TopologyId.parse}) document: for any string, including empty, huge or binary ones, they return a value or
 * throw this, nothing else. Unchecked, because a malformed file is data, not a programming error; {@link Detector}
 * catches it once per value and records why.
 *
 * <p>The message quotes the offending input (shortened when long), so that a debug note says what was read.
 */
public final class MalformedInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Hex digits for escaping control characters (String.format would load regular expressions). */
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Inputs longer than this are cut in messages: a 1 MiB garbage file must not become a 1 MiB log line. */
    private static final int QUOTED_LENGTH = 120;

    /**
     * @param what  what was wrong, e.g. {@code "cpu.max: third field"}
     * @param input the text that was read; quoted (and shortened) in the message
     */
    public MalformedInputException(String what, String input) {
        super(what + ": " + quote(input));
    }

    /**
     * Rejects {@code null} as malformed too, so that a parser's only failure stays this exception.
     *
     * @param what names the file or line being parsed
     */
    public static void requireText(String input, String what) {
        if (input == null) {
            throw new MalformedInputException(what + ": no content", null);
        }
    }

    /** {@code input} in double quotes, control characters escaped, at most {@link #QUOTED_LENGTH} characters. */
    public static String quote(String input) {
        if (input == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder("\"");
        int end = Math.min(input.length(), QUOTED_LENGTH);
        for (int i = 0; i < end; i++) {
            char c = input.charAt(i);
            if (c == '\n') {
                quoted.append("\\n");
            } else if (c < 0x20 || c == 0x7f) {
                quoted.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else {
                quoted.append(c);
            }
        }
        quoted.append('"');
        if (input.length() > QUOTED_LENGTH) {
            quoted.append("... (").append(input.length()).append(" chars)");
        }
        return quoted.toString();
    }
}
