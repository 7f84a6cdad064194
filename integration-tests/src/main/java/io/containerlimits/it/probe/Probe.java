package io.containerlimits.it.probe;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;

/**
 * What a JVM and its libraries end up using, printed as one line for the tests to parse:
 * {@code PROBE<TAB>key=value<TAB>key=value...}, values never containing a tab.
 *
 * <p>Runs on every JDK under test, 8 to 25 (Java 8 bytecode and API), inside cgroups and containers. Reads
 * {@code Striped64.NCPU} and the virtual-thread scheduler (21+) reflectively, which on JDK 9 and later needs
 * {@link #OPENED_PACKAGES} opened to it ({@code --add-opens java.base/<package>=ALL-UNNAMED}); a value it cannot read
 * prints as {@code n/a}.
 *
 * <p>With an argument, the path of {@code container-limits.jar}, it also runs {@code java -jar <jar> json} with the
 * same JDK and appends the answer as the last field, {@code cliJson=...} on one line.
 */
public final class Probe {

    /** First field of the line. */
    public static final String MARKER = "PROBE";

    /** The packages of {@code java.base} the probe reads private fields of: {@code Striped64}'s and the JDK's own. */
    public static final String[] OPENED_PACKAGES = {"java.util.concurrent.atomic", "java.lang"};

    private Probe() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> values = new TreeMap<>();
        values.put("availableProcessors", String.valueOf(Runtime.getRuntime().availableProcessors()));
        values.put("commonPool", String.valueOf(ForkJoinPool.commonPool().getParallelism()));
        values.put("newForkJoinPool", String.valueOf(new ForkJoinPool().getParallelism()));
        ExecutorService stealing = Executors.newWorkStealingPool();
        values.put("workStealingPool", String.valueOf(((ForkJoinPool) stealing).getParallelism()));
        stealing.shutdown();
        values.put("striped64", readStatic("java.util.concurrent.atomic.Striped64", "NCPU"));
        values.put("vtScheduler", virtualThreadScheduler());
        values.put("maxMemory", String.valueOf(Runtime.getRuntime().maxMemory()));
        values.put("javaVersion", String.valueOf(JavaRelease.feature()));
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("container.limits.")
                    || key.equals("java.util.concurrent.ForkJoinPool.common.parallelism")
                    || key.equals("jdk.virtualThreadScheduler.parallelism") || key.endsWith("netty.availableProcessors")
                    || key.equals("reactor.schedulers.defaultPoolSize") || key.equals("JETTY_AVAILABLE_PROCESSORS")) {
                values.put("prop." + key, System.getProperty(key));
            }
        }
        StringBuilder line = new StringBuilder(MARKER);
        for (Map.Entry<String, String> e : values.entrySet()) {
            line.append('\t').append(e.getKey()).append('=').append(e.getValue());
        }
        if (args.length > 0) {
            line.append('\t').append("cliJson=").append(cliJson(args[0]).replace('\t', ' ').replace('\n', ' '));
        }
        System.out.println(line);
    }

    private static String readStatic(String className, String field) {
        try {
            Field f = Class.forName(className).getDeclaredField(field);
            f.setAccessible(true);
            return String.valueOf(f.get(null));
        } catch (Throwable t) {
            return "n/a";
        }
    }

    /**
     * Parallelism of the default virtual-thread scheduler (21+), or {@code n/a}; needs
     * {@code --add-opens java.base/java.lang=ALL-UNNAMED}.
     */
    public static String virtualThreadScheduler() {
        try {
            Class<?> vt = Class.forName("java.lang.VirtualThread");
            for (Field f : vt.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())
                        && ForkJoinPool.class.isAssignableFrom(f.getType())) {
                    f.setAccessible(true);
                    return String.valueOf(((ForkJoinPool) f.get(null)).getParallelism());
                }
            }
            return "n/a";
        } catch (Throwable t) {
            return "n/a";
        }
    }

    private static String cliJson(String jar) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar);
        command.add("json");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = p.getInputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
        }
        p.waitFor();
        return new String(out.toByteArray(), StandardCharsets.UTF_8).trim();
    }
}
