package io.containerlimits.agent.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.agent.rewrite.CallSiteRewriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The classes of this package are on the boot class path, where rewritten {@code java.base} classes call them: they
 * may refer only to {@code java.*} classes of {@code java.base} and to each other (docs/design.md §5). Checked on the
 * compiled class files, so that a reference no source line spells out (a synthetic accessor, a lambda's types) counts
 * too.
 */
class BootPackageReferencesTest {

    private static final String PACKAGE = "io/containerlimits/agent/boot/";

    @Test
    void bootClassesReferOnlyToJavaBase() throws Exception {
        List<Path> classFiles = bootClassFiles();
        List<String> names = classFiles.stream().map(f -> f.getFileName().toString()).collect(Collectors.toList());
        assertTrue(names.contains("AvailableProcessors.class"), "found the compiled boot classes: " + names);
        TreeMap<String, List<String>> offending = new TreeMap<>();
        for (Path classFile : classFiles) {
            List<String> outside = outsideJavaBase(ClassReferences.of(Files.readAllBytes(classFile)));
            if (!outside.isEmpty()) {
                offending.put(classFile.getFileName().toString(), outside);
            }
        }
        assertEquals(new TreeMap<>(), offending, "boot classes that refer to classes outside java.base");
    }

    /** The check can fail: the rewriter, which links to the rest of its package, is reported. */
    @Test
    void aClassThatRefersToMoreIsReported() throws IOException {
        String resource = "/" + CallSiteRewriter.class.getName().replace('.', '/') + ".class";
        byte[] bytes;
        try (InputStream in = CallSiteRewriter.class.getResourceAsStream(resource)) {
            bytes = in.readAllBytes();
        }
        List<String> outside = outsideJavaBase(ClassReferences.of(bytes));
        assertTrue(outside.contains("io/containerlimits/agent/rewrite/CallSites"), outside.toString());
        assertTrue(outside.contains("io/containerlimits/agent/rewrite/ConstantPool"), outside.toString());
    }

    /** The reader sees every kind of reference, not only the ones in CONSTANT_Class entries. */
    @Test
    void theReaderFindsClassesInDescriptorsToo() throws IOException {
        Set<String> helper = ClassReferences.of(classFile(AvailableProcessors.class));
        assertTrue(helper.contains("java/lang/Runtime"), "the parameter of availableProcessors: " + helper);
        Set<String> sample = ClassReferences.of(classFile(DescriptorOnly.class));
        assertTrue(sample.contains("java/util/concurrent/Callable"), "named only in a descriptor: " + sample);
        assertTrue(sample.contains("java/util/concurrent/atomic/AtomicLong"), "a field's type: " + sample);
    }

    /** Names {@code Callable} and {@code AtomicLong} only in descriptors: no instruction refers to either. */
    static final class DescriptorOnly {
        AtomicLong unused;

        static void take(Callable<?> ignored) {
        }
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

    /** Every reference that is neither this package's own nor a {@code java.*} class of {@code java.base}. */
    private static List<String> outsideJavaBase(Set<String> references) {
        List<String> outside = new ArrayList<>();
        for (String name : references) {
            boolean own = name.startsWith(PACKAGE) && name.indexOf('/', PACKAGE.length()) < 0;
            if (!own && !(name.startsWith("java/") && inJavaBase(name))) {
                outside.add(name);
            }
        }
        return outside;
    }

    private static boolean inJavaBase(String internalName) {
        try {
            Class<?> type = Class.forName(internalName.replace('/', '.'), false, null);
            return "java.base".equals(type.getModule().getName());
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The compiled classes of this package, where the build put them. */
    private static List<Path> bootClassFiles() throws IOException, URISyntaxException {
        Path classes = Paths.get(AvailableProcessors.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.list(classes.resolve(PACKAGE))) {
            return files.filter(f -> f.toString().endsWith(".class")).sorted().collect(Collectors.toList());
        }
    }
}
