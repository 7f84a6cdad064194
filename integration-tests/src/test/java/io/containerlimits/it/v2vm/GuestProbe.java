package io.containerlimits.it.v2vm;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;

/**
 * What a JVM in the cgroup v2 guest reports, on JDK 8 to 25: the test compiles this one file with {@code --release 8}
 * (the module itself targets 17) and the guest's script runs it with each JDK. Java 8 API only.
 *
 * <ul>
 *   <li>{@code probe [JAR]}: one line {@code PROBE<TAB>key=value...}: {@code availableProcessors()}, the common pool,
 *       {@code new ForkJoinPool()}, the virtual-thread scheduler (21+, else {@code n/a}; needs
 *       {@code --add-opens java.base/java.lang=ALL-UNNAMED}), {@code maxMemory()}, the Java version and the
 *       properties the agent sets. With JAR, also {@code json=}: what {@code java -jar JAR json} prints, from the
 *       jar's own {@code Main} run in this process (same cgroup, same files; one JVM start less under emulation).</li>
 *   <li>{@code live PERIOD_MS DURATION_MS}: {@code LIVE<TAB><epoch ms><TAB><availableProcessors()>} every PERIOD_MS,
 *       for a limit the script rewrites while this runs.</li>
 *   <li>{@code hog}: holds 1 MiB arrays until the heap is full, printing {@code HOG<TAB>OutOfMemoryError<TAB><MiB>}
 *       when the JVM's own {@code OutOfMemoryError} comes first (the kernel's kill prints nothing: exit 137).</li>
 * </ul>
 */
public final class GuestProbe {

    /** First field of a probe line. */
    static final String PROBE = "PROBE";
    /** First field of a live line. */
    static final String LIVE = "LIVE";
    /** First field of the hog's line. */
    static final String HOG = "HOG";

    private GuestProbe() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "probe";
        if (mode.equals("live")) {
            live(Long.parseLong(args[1]), Long.parseLong(args[2]));
        } else if (mode.equals("hog")) {
            hog();
        } else {
            probe(args.length > 1 ? args[1] : null);
        }
    }

    private static void probe(String jar) throws Exception {
        Map<String, String> values = new TreeMap<String, String>();
        values.put("availableProcessors", String.valueOf(Runtime.getRuntime().availableProcessors()));
        values.put("commonPool", String.valueOf(ForkJoinPool.commonPool().getParallelism()));
        values.put("newForkJoinPool", String.valueOf(new ForkJoinPool().getParallelism()));
        values.put("vtScheduler", virtualThreadScheduler());
        values.put("maxMemory", String.valueOf(Runtime.getRuntime().maxMemory()));
        values.put("javaVersion", System.getProperty("java.version"));
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("container.limits.") || key.equals("java.util.concurrent.ForkJoinPool.common.parallelism")
                    || key.equals("jdk.virtualThreadScheduler.parallelism")) {
                values.put("prop." + key, System.getProperty(key));
            }
        }
        if (jar != null) {
            values.put("json", cliJson(jar).replace('\t', ' ').replace('\n', ' ').trim());
        }
        StringBuilder line = new StringBuilder(PROBE);
        for (Map.Entry<String, String> e : values.entrySet()) {
            line.append('\t').append(e.getKey()).append('=').append(e.getValue());
        }
        System.out.println(line);
    }

    /** Parallelism of the default virtual-thread scheduler, a static ForkJoinPool field of VirtualThread (21+). */
    private static String virtualThreadScheduler() {
        try {
            Class<?> vt = Class.forName("java.lang.VirtualThread");
            for (Field f : vt.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && ForkJoinPool.class.isAssignableFrom(f.getType())) {
                    f.setAccessible(true);
                    return String.valueOf(((ForkJoinPool) f.get(null)).getParallelism());
                }
            }
            return "n/a";
        } catch (ClassNotFoundException e) {
            return "n/a";
        } catch (Exception e) {
            return "error:" + e.getClass().getSimpleName();
        }
    }

    /** Runs the jar's Main-Class with {@code json} in this process and returns what it printed. */
    private static String cliJson(String jar) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        URLClassLoader loader = new URLClassLoader(new URL[] {new File(jar).toURI().toURL()}, null);
        try {
            Method main = loader.loadClass("io.containerlimits.cli.Main").getMethod("main", String[].class);
            System.setOut(new PrintStream(captured, true, "UTF-8"));
            main.invoke(null, (Object) new String[] {"json"});
        } finally {
            System.setOut(stdout);
            loader.close();
        }
        return new String(captured.toByteArray(), "UTF-8");
    }

    private static void live(long periodMillis, long durationMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + durationMillis;
        while (true) {
            long now = System.currentTimeMillis();
            System.out.println(LIVE + '\t' + now + '\t' + Runtime.getRuntime().availableProcessors());
            if (now >= end) {
                return;
            }
            Thread.sleep(periodMillis);
        }
    }

    private static void hog() {
        List<byte[]> held = new ArrayList<byte[]>();
        try {
            while (true) {
                byte[] block = new byte[1 << 20];
                // Touch every page: an untouched array may never be backed by memory the cgroup counts.
                for (int i = 0; i < block.length; i += 4096) {
                    block[i] = 1;
                }
                held.add(block);
            }
        } catch (OutOfMemoryError e) {
            int mib = held.size();
            held.clear();
            System.out.println(HOG + '\t' + "OutOfMemoryError" + '\t' + mib);
        }
    }
}
