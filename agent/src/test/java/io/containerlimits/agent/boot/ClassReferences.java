package io.containerlimits.agent.boot;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes a class file refers to, read from its constant pool (JVMS §4.4) and its field and method descriptors:
 * every {@code CONSTANT_Class}, and every class named in a descriptor of a {@code CONSTANT_NameAndType}, a
 * {@code CONSTANT_MethodType}, a field or a method. That is everything the JVM may resolve when it links the class.
 * Internal names, such as {@code java/lang/Runtime}; arrays give their element class.
 */
final class ClassReferences {

    private static final int MAGIC = 0xCAFEBABE;
    private static final Pattern CLASS_IN_DESCRIPTOR = Pattern.compile("L([^;]+);");

    private ClassReferences() {
    }

    static Set<String> of(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> classNames = new ArrayList<>();
        List<Integer> descriptors = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1: // Utf8
                    utf8[i] = in.readUTF();
                    break;
                case 7: // Class
                    classNames.add(in.readUnsignedShort());
                    break;
                case 16: // MethodType
                    descriptors.add(in.readUnsignedShort());
                    break;
                case 8: // String
                case 19: // Module
                case 20: // Package
                    in.readUnsignedShort();
                    break;
                case 15: // MethodHandle: kind, then a reference entry
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                    break;
                case 12: // NameAndType: name, descriptor
                    in.readUnsignedShort();
                    descriptors.add(in.readUnsignedShort());
                    break;
                case 3: // Integer
                case 4: // Float
                case 9: // Fieldref
                case 10: // Methodref
                case 11: // InterfaceMethodref
                case 17: // Dynamic
                case 18: // InvokeDynamic
                    in.readInt();
                    break;
                case 5: // Long
                case 6: // Double: eight bytes, and two entries
                    in.readLong();
                    i++;
                    break;
                default:
                    throw new IOException("unknown constant-pool tag " + tag + " at entry " + i);
            }
        }
        in.readUnsignedShort(); // access flags
        in.readUnsignedShort(); // this class, a Class entry already read
        in.readUnsignedShort(); // super class, likewise
        in.skipBytes(2 * in.readUnsignedShort()); // interfaces, likewise
        for (int members = 0; members < 2; members++) { // fields, then methods
            int memberCount = in.readUnsignedShort();
            for (int m = 0; m < memberCount; m++) {
                in.readUnsignedShort(); // access flags
                in.readUnsignedShort(); // name
                descriptors.add(in.readUnsignedShort());
                skipAttributes(in);
            }
        }
        Set<String> references = new TreeSet<>();
        for (int index : classNames) {
            String name = utf8[index];
            if (name.startsWith("[")) {
                addClassesIn(name, references);
            } else {
                references.add(name);
            }
        }
        for (int index : descriptors) {
            addClassesIn(utf8[index], references);
        }
        return references;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.readUnsignedShort(); // name
            in.skipBytes(in.readInt());
        }
    }

    private static void addClassesIn(String descriptor, Set<String> references) {
        Matcher type = CLASS_IN_DESCRIPTOR.matcher(descriptor);
        while (type.find()) {
            references.add(type.group(1));
        }
    }
}
