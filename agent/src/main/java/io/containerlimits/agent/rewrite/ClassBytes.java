package io.containerlimits.agent.rewrite;

/**
 * Big-endian reads of a class file (JVMS §4), each checked against the end of the array, so that a truncated or
 * corrupt file ends in a {@link MalformedClassFileException} that names the offset, never in an index error deep
 * inside the rewrite.
 */
final class ClassBytes {

    private ClassBytes() {
        throw new UnsupportedOperationException();
    }

    static int u1(byte[] classFile, int at) {
        check(classFile, at, 1);
        return classFile[at] & 0xff;
    }

    static int u2(byte[] classFile, int at) {
        check(classFile, at, 2);
        return (classFile[at] & 0xff) << 8 | (classFile[at + 1] & 0xff);
    }

    /** A signed four-byte value: the switch operands and the attribute lengths, which must not be negative. */
    static int s4(byte[] classFile, int at) {
        check(classFile, at, 4);
        return classFile[at] << 24 | (classFile[at + 1] & 0xff) << 16 | (classFile[at + 2] & 0xff) << 8
                | (classFile[at + 3] & 0xff);
    }

    static void putU2(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 8);
        out[at + 1] = (byte) value;
    }

    /** Throws unless {@code length} bytes from {@code at} lie inside the file. */
    static void check(byte[] classFile, int at, long length) {
        if (at < 0 || length < 0 || at + length > classFile.length) {
            throw new MalformedClassFileException(length + " bytes at offset " + at + " of a "
                    + classFile.length + "-byte class file");
        }
    }
}
