package io.containerlimits.it.v2vm;

import io.containerlimits.it.support.TestJdks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which layouts run on which JDK on which kernel. A JVM start costs 5 to 15 s of CPU under software emulation (one
 * full run of the first plan, 135 JVMs on 6.1 and 6.12, took 22 minutes on this shared 2-CPU machine), so the matrix
 * is cut this way, and the README says so: JDK 8 and 21 (the oldest, and the first with virtual threads) run every
 * layout on 6.12, JDK 17 on 6.1; every JDK runs the two core layouts (a plain quota with a memory limit, the
 * kubelet's layout) on both kernels; the backports kernel, the one that blinds older JVMs, runs the blind-JVM check
 * and the heap hog on all five; with its 2-core, 2-thread topology it also runs the physical-cores layout (JDK 17) and
 * the cgroup namespace without a fresh mount (JDK 17 and 25), which need one kernel only. The system property
 * {@value #ONLY} (a comma-separated list of layout keys, {@code unshare,topology}) keeps only those layouts, for a
 * quicker run while working on them.
 *
 * @param jdk    the JDK
 * @param layout what it runs in
 */
record GuestPlan(TestJdks jdk, Layout layout) {

    /** System property naming the only layouts to run (all when unset). */
    static final String ONLY = "v2vm.layouts";

    /** The layouts of the full set, in the order the guest runs them (the timing-sensitive live one last). */
    private static final List<Layout> FULL = List.of(Layout.QUOTA_HALF, Layout.QUOTA_ONE_AND_A_HALF, Layout.PARENT,
            Layout.HIGH_AND_SWAP, Layout.CPUSET, Layout.NAMESPACE_MOUNT, Layout.KUBEPODS, Layout.LIVE);

    /** Every layout but the heap hog (run last, after all the others), in the order the guest runs them. */
    private static final List<Layout> ORDER = List.of(Layout.QUOTA_HALF, Layout.QUOTA_ONE_AND_A_HALF, Layout.PARENT,
            Layout.HIGH_AND_SWAP, Layout.CPUSET, Layout.NAMESPACE_MOUNT, Layout.NAMESPACE_NO_MOUNT, Layout.KUBEPODS,
            Layout.TOPOLOGY, Layout.LIVE);

    /** The layouts every JDK runs on both kernels. */
    private static final List<Layout> CORE = List.of(Layout.QUOTA_HALF, Layout.KUBEPODS);

    /** The backports kernel's: what the JVM alone makes of the limits, and whether it or the kernel ends a hog. */
    private static final List<Layout> BLIND_CHECK = List.of(Layout.QUOTA_HALF, Layout.HOG);

    /** The backports kernel's on JDK 17: the blind-JVM check, both one-kernel layouts. */
    private static final List<Layout> BLIND_CHECK_AND_ONE_KERNEL = List.of(Layout.QUOTA_HALF, Layout.HOG,
            Layout.NAMESPACE_NO_MOUNT, Layout.TOPOLOGY);

    /** The backports kernel's on JDK 25: the blind-JVM check, the namespace without a fresh mount. */
    private static final List<Layout> BLIND_CHECK_AND_NAMESPACE = List.of(Layout.QUOTA_HALF, Layout.HOG,
            Layout.NAMESPACE_NO_MOUNT);

    /** The steps for {@code kernel}, layout by layout. */
    static List<GuestPlan> of(GuestKernel kernel, List<TestJdks> jdks) {
        List<GuestPlan> plan = new ArrayList<>();
        for (Layout layout : ORDER) {
            for (TestJdks jdk : jdks) {
                if (layoutsFor(kernel, jdk).contains(layout) && chosen(layout)) {
                    plan.add(new GuestPlan(jdk, layout));
                }
            }
        }
        for (TestJdks jdk : jdks) {
            if (layoutsFor(kernel, jdk).contains(Layout.HOG) && chosen(Layout.HOG)) {
                plan.add(new GuestPlan(jdk, Layout.HOG));
            }
        }
        return plan;
    }

    private static List<Layout> layoutsFor(GuestKernel kernel, TestJdks jdk) {
        return switch (kernel) {
            case TRIXIE -> jdk == TestJdks.JDK8 || jdk == TestJdks.JDK21 ? FULL : CORE;
            case BOOKWORM -> jdk == TestJdks.JDK17 ? FULL : CORE;
            case BACKPORTS -> switch (jdk) {
                case JDK17 -> BLIND_CHECK_AND_ONE_KERNEL;
                case JDK25 -> BLIND_CHECK_AND_NAMESPACE;
                default -> BLIND_CHECK;
            };
        };
    }

    /** Whether {@value #ONLY} leaves {@code layout} in (it does when unset). */
    private static boolean chosen(Layout layout) {
        String only = System.getProperty(ONLY, "").trim();
        return only.isEmpty() || Arrays.asList(only.split(",")).contains(layout.key());
    }

    /** {@code 17:quota-0.5}: how the guest's PLAN spells a step. */
    String spelled() {
        return jdk.feature() + ":" + layout.key();
    }
}
