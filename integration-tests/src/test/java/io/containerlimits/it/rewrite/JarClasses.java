package io.containerlimits.it.rewrite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipFile;

/**
 * Every class file of some labelled jars, read as the running JDK reads a multi-release jar, together with what a
 * {@link RewriteVariant} made of it. All rewriting happens here, once per class, before anything is loaded, so the
 * counts do not depend on load order or on classes that fail to load.
 */
final class JarClasses {

    /** One class: where it came from, its original bytes and what the rewrite made of them. */
    record ClassFile(String jar, String name, byte[] original, Optional<RewriteVariant.Rewritten> rewritten) {

        /** The bytes the harness defines: rewritten when there was a call site, the original otherwise. */
        byte[] toDefine() {
            return rewritten.map(RewriteVariant.Rewritten::classFile).orElse(original);
        }

        int callSites() {
            return rewritten.map(RewriteVariant.Rewritten::callSites).orElse(0);
        }
    }

    private final Map<String, ClassFile> byName;
    private final List<String> rewriteFailures;
    private final int duplicates;

    private JarClasses(Map<String, ClassFile> byName, List<String> rewriteFailures, int duplicates) {
        this.byName = byName;
        this.rewriteFailures = rewriteFailures;
        this.duplicates = duplicates;
    }

    /** Reads and rewrites every class of {@code jars} (label to path, in order; the first jar wins a duplicate). */
    static JarClasses read(Map<String, Path> jars, RewriteVariant variant) throws IOException {
        Map<String, ClassFile> byName = new TreeMap<>();
        List<String> rewriteFailures = new ArrayList<>();
        int duplicates = 0;
        for (Map.Entry<String, Path> jar : jars.entrySet()) {
            try (JarFile file = new JarFile(jar.getValue().toFile(), false, ZipFile.OPEN_READ, Runtime.version())) {
                for (JarEntry entry : (Iterable<JarEntry>) file.versionedStream()::iterator) {
                    String path = entry.getName();
                    if (!path.endsWith(".class") || path.startsWith("META-INF/")
                            || path.endsWith("module-info.class")) {
                        continue;
                    }
                    String name = path.substring(0, path.length() - ".class".length()).replace('/', '.');
                    if (byName.containsKey(name)) {
                        duplicates++;
                        continue;
                    }
                    byte[] original;
                    try (InputStream in = file.getInputStream(entry)) {
                        original = in.readAllBytes();
                    }
                    Optional<RewriteVariant.Rewritten> rewritten;
                    try {
                        rewritten = variant.apply(original);
                    } catch (RuntimeException unparseable) {
                        // The agent leaves such a class as it was; so does the harness, and it counts it.
                        rewriteFailures.add(name + ": " + unparseable);
                        rewritten = Optional.empty();
                    }
                    byName.put(name, new ClassFile(jar.getKey(), name, original, rewritten));
                }
            }
        }
        return new JarClasses(byName, rewriteFailures, duplicates);
    }

    /** The class of that binary name, if one of the jars holds it. */
    Optional<ClassFile> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every class, in name order. */
    Iterable<ClassFile> all() {
        return Collections.unmodifiableCollection(byName.values());
    }

    int size() {
        return byName.size();
    }

    /** Classes the rewrite could not parse (left unchanged), with the exception. */
    List<String> rewriteFailures() {
        return Collections.unmodifiableList(rewriteFailures);
    }

    /** Class files skipped because an earlier jar already held the same name. */
    int duplicates() {
        return duplicates;
    }
}
