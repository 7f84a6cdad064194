package io.containerlimits.it.rewrite;

import io.containerlimits.it.probe.JavaRelease;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Every class file of some labelled jars, read as the running JDK reads a multi-release jar, together with what a
 * {@link RewriteVariant} made of it. All rewriting happens here, once per class, before anything is loaded, so the
 * counts do not depend on load order or on classes that fail to load.
 */
final class JarClasses {

    /** Where a multi-release jar keeps the class files for release N: {@code META-INF/versions/N/}. */
    private static final String VERSIONS = "META-INF/versions/";

    /** The first release that reads {@code META-INF/versions}: JDK 8 sees only a jar's root. */
    private static final int FIRST_MULTI_RELEASE = 9;

    /** One class: where it came from, its original bytes and what the rewrite made of them. */
    static final class ClassFile {
        private final String jar;
        private final String name;
        private final byte[] original;
        private final Optional<RewriteVariant.Rewritten> rewritten;

        ClassFile(String jar, String name, byte[] original, Optional<RewriteVariant.Rewritten> rewritten) {
            this.jar = jar;
            this.name = name;
            this.original = original;
            this.rewritten = rewritten;
        }

        /** The label of the jar it came from. */
        String jar() {
            return jar;
        }

        /** Its binary name. */
        String name() {
            return name;
        }

        /** The bytes the jar holds. */
        byte[] original() {
            return original;
        }

        /** What the rewrite made of it; empty when there was no call site. */
        Optional<RewriteVariant.Rewritten> rewritten() {
            return rewritten;
        }

        /** The bytes the harness defines: rewritten when there was a call site, the original otherwise. */
        byte[] toDefine() {
            return rewritten.isPresent() ? rewritten.get().classFile() : original;
        }

        int callSites() {
            return rewritten.isPresent() ? rewritten.get().callSites() : 0;
        }

        int methodHandles() {
            return rewritten.isPresent() ? rewritten.get().methodHandles() : 0;
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
        int release = JavaRelease.feature();
        for (Map.Entry<String, Path> jar : jars.entrySet()) {
            try (JarFile file = new JarFile(jar.getValue().toFile(), false)) {
                for (Map.Entry<String, JarEntry> entry : classEntries(file, release).entrySet()) {
                    String path = entry.getKey();
                    String name = path.substring(0, path.length() - ".class".length()).replace('/', '.');
                    if (byName.containsKey(name)) {
                        duplicates++;
                        continue;
                    }
                    byte[] original;
                    try (InputStream in = file.getInputStream(entry.getValue())) {
                        original = readAll(in);
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

    /**
     * The class files of {@code file} that a JVM of {@code release} sees, by path without the version prefix: in a
     * multi-release jar, from 9 on, the entry of the highest {@code META-INF/versions/N} with N at most the release
     * wins over the root's (what {@code JarFile.versionedStream()} does, which JDK 8 lacks). No
     * {@code module-info}.
     */
    private static Map<String, JarEntry> classEntries(JarFile file, int release) throws IOException {
        Manifest manifest = file.getManifest();
        boolean multiRelease = release >= FIRST_MULTI_RELEASE && manifest != null
                && "true".equalsIgnoreCase(manifest.getMainAttributes().getValue("Multi-Release"));
        Map<String, JarEntry> entries = new TreeMap<>();
        Map<String, Integer> versions = new TreeMap<>();
        for (Enumeration<JarEntry> all = file.entries(); all.hasMoreElements();) {
            JarEntry entry = all.nextElement();
            String path = entry.getName();
            int version = 0;
            if (path.startsWith(VERSIONS)) {
                int slash = path.indexOf('/', VERSIONS.length());
                if (!multiRelease || slash < 0) {
                    continue;
                }
                try {
                    version = Integer.parseInt(path.substring(VERSIONS.length(), slash));
                } catch (NumberFormatException notAVersion) {
                    continue;
                }
                if (version > release) {
                    continue;
                }
                path = path.substring(slash + 1);
            }
            if (!path.endsWith(".class") || path.startsWith("META-INF/") || path.endsWith("module-info.class")) {
                continue;
            }
            Integer seen = versions.get(path);
            if (seen == null || seen < version) {
                versions.put(path, version);
                entries.put(path, entry);
            }
        }
        return entries;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
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
