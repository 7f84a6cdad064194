package io.containerlimits.it.probe;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.Field;
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
 * <p>Runs on JDK 17 and 25 inside cgroups and containers. Reads {@code Striped64.NCPU} and the virtual-thread
 * scheduler reflectively (needs {@code --add-opens java.base/java.util.concurrent.atomic=ALL-UNNAMED} and
 * {@code --add-opens java.base/java.lang=ALL-UNNAMED}); a value it cannot read prints as {@code n/a}.
 *
 * <p>With an argument, the path of {@code container-limits.jar}, it also runs {@code java -jar <jar> json} with the
 * same JDK and appends the answer as the last field, {@code cliJson=...} on one line.
 */
public final class Probe {

    /** First field of the line. */
    public static final String MARKER = "PROBE";

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
        values.put("javaVersion", String.valueOf(Runtime.version().feature()));
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("container.limits.") || key.equals("java.util.concurrent.ForkJoinPool.common.parallelism")
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
                if (java.lang.reflect.Modifier.isStatic(f.getModifiers())
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
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        p.waitFor();
        return out.toString(StandardCharsets.UTF_8).trim();
    }
}
