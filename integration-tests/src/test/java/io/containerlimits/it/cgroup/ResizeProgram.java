package io.containerlimits.it.cgroup;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.containerlimits.it.probe.Probe;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import jdk.jfr.consumer.RecordingStream;

/**
 * A JVM whose limits the test changes while it runs. Every {@link #INTERVAL_MILLIS} it prints what each consumer of
 * the CPU count sees now, one line of {@code key=value} fields:
 * <pre>
 * t=1767... cpus=1 vt=1 pool=1 listener=none isolated=none mbean=1 jfr=none watchers=1 softmax=1073741824
 * </pre>
 * {@code t}: the wall-clock time of the line (ms since the epoch; the test compares it with when it wrote the
 * limit); {@code cpus}: {@code Runtime.availableProcessors()}, called from this class (so rewritten with the agent);
 * {@code vt}: the virtual-thread scheduler's parallelism (21+, needs {@code --add-opens java.base/java.lang}),
 * else {@code n/a}; {@code pool}: the common pool's; {@code listener}: the count of the last change a
 * {@code ContainerLimits.watch} listener got, {@code none} before one; {@code isolated}: the same for a listener of a
 * copy of the library in a child-first class loader (a web application's own copy); {@code mbean}: the agent's MBean
 * attribute {@code Cpus} ({@code n/a} without it); {@code jfr}: {@code newCpus} of the last
 * {@code io.containerlimits.LimitsChanged} event, {@code @} its start time; {@code watchers}: the threads named
 * {@code container-limits-watch}; {@code softmax}: {@code SoftMaxHeapSize} in bytes, read through the HotSpot
 * diagnostic bean.
 *
 * <p>Its argument is the agent jar, which holds the library ({@code io.containerlimits.ContainerLimits}): a
 * parent-first loader over it resolves the agent's copy when the agent runs (on the boot class path), and loads its
 * own otherwise; a child-first one always loads its own. Like an application server, it creates the platform MBean
 * server itself, at start. It ends when its stdin closes, or after {@link #MAX_RUN_MILLIS}.
 */
public final class ResizeProgram {

    private static final long INTERVAL_MILLIS = 100;
    private static final long MAX_RUN_MILLIS = 120_000;
    private static final String EVENT = "io.containerlimits.LimitsChanged";

    private static final AtomicReference<String> LISTENER = new AtomicReference<>("none");
    private static final AtomicReference<String> ISOLATED = new AtomicReference<>("none");
    private static final AtomicReference<String> JFR = new AtomicReference<>("none");
    private static final HotSpotDiagnosticMXBean DIAGNOSTIC =
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    private ResizeProgram() {
    }

    public static void main(String[] args) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("io.containerlimits:type=ContainerLimits");
        URL[] library = {Paths.get(args[0]).toUri().toURL()};
        watch(new URLClassLoader(library, ResizeProgram.class.getClassLoader()), LISTENER);
        watch(new ChildFirst(library, ResizeProgram.class.getClassLoader()), ISOLATED);
        try (RecordingStream events = new RecordingStream()) {
            events.enable(EVENT);
            events.onEvent(EVENT, e -> JFR.set(e.getInt("newCpus") + "@" + e.getStartTime().toEpochMilli()));
            events.startAsync();
            StdinEnd.watch();
            long end = System.currentTimeMillis() + MAX_RUN_MILLIS;
            while (!StdinEnd.closed() && System.currentTimeMillis() < end) {
                System.out.println("t=" + System.currentTimeMillis()
                        + " cpus=" + Runtime.getRuntime().availableProcessors()
                        + " vt=" + Probe.virtualThreadScheduler()
                        + " pool=" + ForkJoinPool.commonPool().getParallelism()
                        + " listener=" + LISTENER.get()
                        + " isolated=" + ISOLATED.get()
                        + " mbean=" + (server.isRegistered(name) ? server.getAttribute(name, "Cpus") : "n/a")
                        + " jfr=" + JFR.get()
                        + " watchers=" + watcherThreads()
                        + " softmax=" + DIAGNOSTIC.getVMOption("SoftMaxHeapSize").getValue());
                System.out.flush();
                Thread.sleep(INTERVAL_MILLIS);
            }
        }
    }

    /** Threads named {@code container-limits-watch}: the agent's, or each copy's own without it. */
    private static long watcherThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("container-limits-watch")).count();
    }

    /** {@code ContainerLimits.watch} of the library {@code loader} resolves; its listener writes to {@code last}. */
    private static void watch(ClassLoader loader, AtomicReference<String> last) throws ReflectiveOperationException {
        Class<?> listener = Class.forName("io.containerlimits.LimitsListener", true, loader);
        Method cpuCount = Class.forName("io.containerlimits.Limits", true, loader).getMethod("cpuCount");
        Object proxy = Proxy.newProxyInstance(loader, new Class<?>[] {listener}, (self, method, arguments) -> {
            if (method.getName().equals("limitsChanged")) {
                last.set(String.valueOf(cpuCount.invoke(arguments[1])));
            }
            return method.getName().equals("hashCode") ? System.identityHashCode(self)
                    : method.getName().equals("equals") ? self == arguments[0] : null;
        });
        Class.forName("io.containerlimits.ContainerLimits", true, loader).getMethod("watch", listener).invoke(null,
                proxy);
    }

    /** Loads the library's classes itself before asking its parent, as a web application's loader does. */
    private static final class ChildFirst extends URLClassLoader {

        ChildFirst(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("io.containerlimits.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> type = findLoadedClass(name);
                return type != null ? type : findClass(name);
            }
        }
    }
}
