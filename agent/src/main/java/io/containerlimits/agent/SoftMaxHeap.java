package io.containerlimits.agent;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.containerlimits.memory.Sizes;
import java.lang.management.ManagementFactory;

/**
 * The heap's soft maximum ({@code -XX:SoftMaxHeapSize}, a manageable flag since JDK 13) set through the HotSpot
 * diagnostic bean, so that a GC that honours it keeps the heap inside a lowered memory limit, and put back when the
 * limit rises again.
 *
 * <p>Which GCs honour it at run time was measured (README, In-place resize): ZGC and Shenandoah collect to it,
 * G1 accepts the flag and ignores it (17, 21, 25), and generational ZGC showed no steady effect; Serial and Parallel
 * ignore it. It is set only for ZGC and Shenandoah.
 *
 * <p>Loaded only when a memory change needs it: the bean costs 0.1–0.4 s cold. It loads {@code LogManager} without
 * initialising it (checked with a {@code java.util.logging.manager} that prints when created) and creates no MBean
 * server.
 */
final class SoftMaxHeap {

    private static final String FLAG = "SoftMaxHeapSize";

    private final HotSpotDiagnosticMXBean bean;
    private final String gc;
    private final String original;
    private boolean changed;

    private SoftMaxHeap(HotSpotDiagnosticMXBean bean, String gc, String original) {
        this.bean = bean;
        this.gc = gc;
        this.original = original;
    }

    /** The flag of this JVM, remembering its value now; {@code null} when the JVM has no such flag or bean. */
    static SoftMaxHeap open() {
        try {
            HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            String original = bean.getVMOption(FLAG).getValue();
            String gc = is(bean, "UseZGC") ? "ZGC" : is(bean, "UseShenandoahGC") ? "Shenandoah" : null;
            return new SoftMaxHeap(bean, gc, original);
        } catch (Throwable t) {
            return null;
        }
    }

    /** The running GC, when it honours the flag; {@code null} when it ignores it. */
    String honouringGc() {
        return gc;
    }

    /** Sets the soft maximum to {@code bytes} (at most the heap's maximum); returns what it did, for the log line. */
    String fit(long bytes, long maxHeap) {
        long value = Math.min(bytes, maxHeap);
        bean.setVMOption(FLAG, Long.toString(value));
        changed = true;
        return FLAG + " " + Sizes.human(value) + " (" + gc + ")";
    }

    /** True after {@link #fit}, until {@link #restore}. */
    boolean changed() {
        return changed;
    }

    /** Puts back the value from before the first {@link #fit}: the user's, or the default (the heap's maximum). */
    String restore() {
        bean.setVMOption(FLAG, original);
        changed = false;
        return FLAG + " back to " + Sizes.human(Long.parseLong(original));
    }

    private static boolean is(HotSpotDiagnosticMXBean bean, String flag) {
        try {
            return "true".equals(bean.getVMOption(flag).getValue());
        } catch (IllegalArgumentException e) {
            return false; // a JVM built without that GC
        }
    }
}
