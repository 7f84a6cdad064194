package io.containerlimits.agent;

import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.net.URL;
import java.security.CodeSource;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Where this agent's jar is, and how its classes reach the boot class path when {@code Boot-Class-Path} missed.
 *
 * <p>The manifest's {@code Boot-Class-Path: container-limits.jar} names the jar itself, relative to its directory: no
 * CDS warning, and the premain class is then defined by the boot loader. A renamed jar
 * ({@code container-limits-1.2.jar}) breaks that, the premain class comes from the application loader, and the
 * fallback {@link Instrumentation#appendToBootstrapClassLoaderSearch} makes the helper boot-visible. The JVM then
 * prints {@code Sharing is only supported for boot loader classes because bootstrap classpath has been appended} on
 * stderr (documented in the README; only {@code -XX:-PrintWarnings} hides it), so this runs only when the rewrite is
 * really installed.
 */
final class AgentJar {

    private static final String PREMAIN_CLASS = "Premain-Class";

    private AgentJar() {
        throw new UnsupportedOperationException();
    }

    /**
     * This agent's jar: the code source of {@code premainClass} when it has one (it has none when the boot loader
     * defined it), else the {@code -javaagent:} jar whose manifest names {@code premainClass}; {@code null} if neither.
     */
    static File locate(Class<?> premainClass, List<String> javaAgentJars) {
        File fromCodeSource = codeSource(premainClass);
        if (fromCodeSource != null) {
            return fromCodeSource;
        }
        for (String path : javaAgentJars) {
            File jar = new File(path).getAbsoluteFile();
            if (jar.isFile() && premainClassOf(jar).equals(premainClass.getName())) {
                return jar;
            }
        }
        return null;
    }

    /** {@link #locate}'s answer as the user can type it, for the memory warning's fix line. */
    static String forMessages(Class<?> premainClass, List<String> javaAgentJars) {
        File jar = locate(premainClass, javaAgentJars);
        return jar == null ? "container-limits.jar" : jar.getPath();
    }

    /** Puts {@code jar} on the boot class path (the JVM prints its CDS warning). */
    static void appendToBootClassPath(Instrumentation instrumentation, File jar) throws IOException {
        // verify=false: signature checks are slow before the JIT starts, and this jar is not signed.
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar, false));
    }

    private static File codeSource(Class<?> type) {
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            URL location = source == null ? null : source.getLocation();
            if (location == null || !"file".equals(location.getProtocol())) {
                return null;
            }
            File file = new File(location.toURI());
            return file.isFile() ? file : null;
        } catch (URISyntaxException e) {
            return null;
        } catch (SecurityException e) {
            return null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The {@code Premain-Class} of {@code jar}'s manifest, {@code ""} when it has none or cannot be read. */
    private static String premainClassOf(File jar) {
        try {
            JarFile file = new JarFile(jar, false);
            try {
                Manifest manifest = file.getManifest();
                String name = manifest == null ? null : manifest.getMainAttributes().getValue(PREMAIN_CLASS);
                return name == null ? "" : name.trim();
            } finally {
                file.close();
            }
        } catch (IOException e) {
            return "";
        }
    }
}
