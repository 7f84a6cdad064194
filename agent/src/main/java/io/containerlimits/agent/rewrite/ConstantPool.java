package io.containerlimits.agent.rewrite;

/**
 * Where each constant of a class file starts, read in one pass over the pool (JVMS §4.4), and where the pool ends:
 * all the rewrite needs to find constants by index and to append new ones after the last.
 *
 * <p>Strict about structure, since every later offset depends on it: an unknown tag, or a pool that runs past the end
 * of the file, is a {@link MalformedClassFileException}.
 */
final class ConstantPool {

    static final int UTF8 = 1;
    static final int INTEGER = 3;
    static final int FLOAT = 4;
    static final int LONG = 5;
    static final int DOUBLE = 6;
    static final int CLASS = 7;
    static final int STRING = 8;
    static final int FIELDREF = 9;
    static final int METHODREF = 10;
    static final int INTERFACE_METHODREF = 11;
    static final int NAME_AND_TYPE = 12;
    static final int METHOD_HANDLE = 15;
    static final int METHOD_TYPE = 16;
    static final int DYNAMIC = 17;
    static final int INVOKE_DYNAMIC = 18;
    static final int MODULE = 19;
    static final int PACKAGE = 20;

    /** Offset of {@code constant_pool_count} in a class file (after magic and version), and of the first constant. */
    static final int COUNT_OFFSET = 8;
    private static final int FIRST_OFFSET = 10;
    private static final int MAGIC = 0xCAFEBABE;

    private final byte[] classFile;

    /** Offset of each constant's tag byte by index; 0 for index 0 and for the unused slot after a long or double. */
    private final int[] offsets;

    /** The offset just after the last constant: {@code access_flags}, where appended constants go. */
    private final int end;

    private ConstantPool(byte[] classFile, int[] offsets, int end) {
        this.classFile = classFile;
        this.offsets = offsets;
        this.end = end;
    }

    /** Reads the pool of {@code classFile}. */
    static ConstantPool of(byte[] classFile) {
        if (ClassBytes.s4(classFile, 0) != MAGIC) {
            throw new MalformedClassFileException("no class-file magic number");
        }
        int count = ClassBytes.u2(classFile, COUNT_OFFSET);
        int[] offsets = new int[count];
        int at = FIRST_OFFSET;
        for (int i = 1; i < count; i++) {
            offsets[i] = at;
            int tag = ClassBytes.u1(classFile, at);
            at += 1 + size(tag, classFile, at + 1, i);
            if (tag == LONG || tag == DOUBLE) {
                i++; // the next index is unusable (JVMS §4.4.5)
            }
        }
        ClassBytes.check(classFile, FIRST_OFFSET, at - FIRST_OFFSET);
        return new ConstantPool(classFile, offsets, at);
    }

    /** The bytes after the tag of a constant whose tag is {@code tag} and whose body starts at {@code body}. */
    private static int size(int tag, byte[] classFile, int body, int index) {
        switch (tag) {
            case UTF8:
                return 2 + ClassBytes.u2(classFile, body);
            case CLASS:
            case STRING:
            case METHOD_TYPE:
            case MODULE:
            case PACKAGE:
                return 2;
            case METHOD_HANDLE:
                return 3;
            case INTEGER:
            case FLOAT:
            case FIELDREF:
            case METHODREF:
            case INTERFACE_METHODREF:
            case NAME_AND_TYPE:
            case DYNAMIC:
            case INVOKE_DYNAMIC:
                return 4;
            case LONG:
            case DOUBLE:
                return 8;
            default:
                throw new MalformedClassFileException("unknown constant-pool tag " + tag + " at entry " + index);
        }
    }

    /** {@code constant_pool_count}: one more than the highest index. */
    int count() {
        return offsets.length;
    }

    /** The offset just after the last constant. */
    int end() {
        return end;
    }

    /** The tag of entry {@code index}; 0 for an index that names no entry (out of range, or a long's second slot). */
    int tag(int index) {
        return index <= 0 || index >= offsets.length || offsets[index] == 0 ? 0 : classFile[offsets[index]] & 0xff;
    }

    /** The offset of entry {@code index}'s tag byte; check {@link #tag} first. */
    int offset(int index) {
        return offsets[index];
    }

    /** The {@code u1} at {@code skip} bytes after entry {@code index}'s tag: a method handle's kind. */
    int u1(int index, int skip) {
        return ClassBytes.u1(classFile, offsets[index] + skip);
    }

    /** The {@code u2} at {@code skip} bytes after entry {@code index}'s tag: one of the indexes a reference holds. */
    int u2(int index, int skip) {
        return ClassBytes.u2(classFile, offsets[index] + skip);
    }

    /** Whether entry {@code index} is a {@code CONSTANT_Utf8} whose bytes are {@code text} (ASCII, so exact). */
    boolean isUtf8(int index, byte[] text) {
        if (tag(index) != UTF8) {
            return false;
        }
        int at = offsets[index];
        if (ClassBytes.u2(classFile, at + 1) != text.length) {
            return false;
        }
        for (int i = 0; i < text.length; i++) {
            if (classFile[at + 3 + i] != text[i]) {
                return false;
            }
        }
        return true;
    }

    /** The index of the first {@code CONSTANT_Utf8} reading {@code text}, or 0 when there is none. */
    int findUtf8(byte[] text) {
        for (int i = 1; i < offsets.length; i++) {
            if (isUtf8(i, text)) {
                return i;
            }
        }
        return 0;
    }
}
