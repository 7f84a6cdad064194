package io.containerlimits.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.agent.rewrite.CallSiteRewriter;
import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded {@code container-limits.jar}, checked in the package phase right after shade: what the boot class path
 * and the JVM's agent loader need (jvm-agent-notes §0.5, §0.8, §2).
 */
class PackagedJarTest {

    private static final long MAX_BYTES = 300 * 1024;
    private static final int JAVA_8_CLASS_VERSION = 52;

    private static File jarFile;

    @BeforeAll
    static void findJar() {
        jarFile = new File(System.getProperty("containerLimits.jar", "target/container-limits.jar"));
        assertTrue(jarFile.isFile(), "built by shade: " + jarFile);
    }

    @Test
    void staysSmall() {
        assertTrue(jarFile.length() <= MAX_BYTES, jarFile.length() + " bytes, at most " + MAX_BYTES);
    }

    @Test
    void manifestMakesItAnAgentWithItselfOnTheBootClassPath() throws IOException {
        try (JarFile jar = new JarFile(jarFile)) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertEquals(ContainerLimitsAgent.class.getName(), main.getValue("Premain-Class"));
            assertEquals("true", main.getValue("Can-Retransform-Classes"));
            assertEquals(jarFile.getName(), main.getValue("Boot-Class-Path"), "names the jar itself");
            assertEquals("false", main.getValue("Multi-Release"));
        }
    }

    @Test
    void everyClassIsJava8AtTheRootAndByteBuddyIsRelocated() throws IOException {
        List<String> problems = new ArrayList<>();
        int classes = 0;
        try (JarFile jar = new JarFile(jarFile)) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                String name = entries.nextElement().getName();
                if (name.startsWith("META-INF/versions/") || name.endsWith("module-info.class")
                        || name.startsWith("net/bytebuddy/") || name.startsWith("org/objectweb/")) {
                    problems.add(name);
                }
                if (name.endsWith(".class")) {
                    classes++;
                    try (InputStream in = jar.getInputStream(jar.getJarEntry(name))) {
                        DataInputStream data = new DataInputStream(in);
                        data.readInt(); // magic
                        data.readUnsignedShort(); // minor
                        int major = data.readUnsignedShort();
                        if (major > JAVA_8_CLASS_VERSION) {
                            problems.add(name + " has class-file version " + major);
                        }
                    }
                }
            }
            assertTrue(jar.getJarEntry(CallSiteRewriter.HELPER_OWNER + ".class") != null, "the helper is at the root");
        }
        assertEquals(List.of(), problems);
        assertTrue(classes > 20, "read " + classes + " classes");
    }

}
