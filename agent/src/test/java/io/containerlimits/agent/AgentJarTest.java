package io.containerlimits.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentJarTest {

    @TempDir
    Path temp;

    private File jar(String name, String premainClass) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), premainClass);
        Path path = temp.resolve(name);
        try (OutputStream out = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return path.toFile();
    }

    @Test
    void renamedJarIsFoundByItsManifestAmongTheJavaAgents() throws IOException {
        // String.class has no code source, like a premain class the boot loader defined.
        File other = jar("other-agent.jar", "com.example.Other");
        File ours = jar("container-limits-1.2.3.jar", String.class.getName());
        assertEquals(ours.getAbsoluteFile(), AgentJar.locate(String.class,
                List.of(other.getPath(), temp.resolve("missing.jar").toString(), ours.getPath())));
    }

    @Test
    void noMatchingJarIsNull() throws IOException {
        File other = jar("other-agent.jar", "com.example.Other");
        assertNull(AgentJar.locate(String.class, List.of(other.getPath())));
    }

    @Test
    void codeSourceWinsWhenThereIsOne() throws Exception {
        // A class from a jar on the class path: JUnit's own.
        File junit = new File(Test.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertEquals(junit, AgentJar.locate(Test.class, List.of()));
    }
}
