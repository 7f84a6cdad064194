package io.containerlimits.build;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * A build step, run by the agent's POM right after shade: drops the debug information of the shaded ASM classes
 * ({@code io/containerlimits/shaded/**}), which Byte Buddy ships with full tables: local variables and line numbers.
 * About 40 KiB off the jar, of its 300 KiB budget (measured: 314 KB with both, 294 KB without the local variables,
 * 272 KB without either). A failure inside ASM still names the class and method; the transformer loads a class it
 * cannot rewrite unchanged anyway. The agent's own classes keep their line numbers ({@code debuglevel lines,source}).
 *
 * <p>Usage: {@code StripShadedDebugInfo <jar>}; rewrites the jar in place, entries in their order and with their times
 * (the build stays reproducible).
 */
public final class StripShadedDebugInfo {

    private static final String SHADED = "io/containerlimits/shaded/";

    private StripShadedDebugInfo() {
    }

    public static void main(String[] args) throws IOException {
        Path jar = Paths.get(args[0]);
        Path stripped = jar.resolveSibling(jar.getFileName() + ".stripped");
        try (JarFile in = new JarFile(jar.toFile(), false);
                JarOutputStream out = new JarOutputStream(Files.newOutputStream(stripped))) {
            out.setLevel(9);
            for (Enumeration<JarEntry> entries = in.entries(); entries.hasMoreElements();) {
                JarEntry entry = entries.nextElement();
                byte[] data = read(in.getInputStream(entry));
                if (entry.getName().startsWith(SHADED) && entry.getName().endsWith(".class")) {
                    data = withoutDebugInfo(data);
                }
                JarEntry copy = new JarEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(data);
                out.closeEntry();
            }
        }
        Files.move(stripped, jar, StandardCopyOption.REPLACE_EXISTING);
    }

    static byte[] withoutDebugInfo(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9,
                        super.visitMethod(access, name, descriptor, signature, exceptions)) {
                    @Override
                    public void visitLocalVariable(String localName, String localDescriptor, String localSignature,
                            Label start, Label end, int index) {
                        // dropped: the point of this step
                    }

                    @Override
                    public void visitLineNumber(int line, Label start) {
                        // dropped too
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }

    private static byte[] read(InputStream in) throws IOException {
        try (InputStream stream = in; OutputStream bytes = new ByteArrayOutputStream()) {
            byte[] buffer = new byte[8192];
            for (int n = stream.read(buffer); n > 0; n = stream.read(buffer)) {
                bytes.write(buffer, 0, n);
            }
            return ((ByteArrayOutputStream) bytes).toByteArray();
        }
    }
}
