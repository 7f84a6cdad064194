package io.containerlimits.it.v2vm;

import io.containerlimits.it.support.TestJdks;
import java.util.ArrayList;
import java.util.List;

/**
 * Which layouts run on which JDK on which kernel. A JVM start costs 5 to 15 s of CPU under software emulation (one
 * full run of the first plan, 135 JVMs on 6.1 and 6.12, took 22 minutes on this shared 2-CPU machine), so the matrix
 * is cut this way, and the README says so: JDK 8 and 21 (the oldest, and the first with virtual threads) run every
 * layout on 6.12, JDK 17 on 6.1; every JDK runs the two core layouts (a plain quota with a memory limit, the
 * kubelet's layout) on both kernels; the backports kernel, the one that blinds older JVMs, runs the blind-JVM check
 * and the heap hog on all five.
 *
 * @param jdk    the JDK
 * @param layout what it runs in
 */
record GuestPlan(TestJdks jdk, Layout layout) {

    /** The layouts of the full set, in the order the guest runs them (the timing-sensitive live one last). */
    private static final List<Layout> FULL = List.of(Layout.QUOTA_HALF, Layout.QUOTA_ONE_AND_A_HALF, Layout.PARENT,
            Layout.HIGH_AND_SWAP, Layout.CPUSET, Layout.NAMESPACE_MOUNT, Layout.KUBEPODS, Layout.LIVE);

    /** The layouts every JDK runs on both kernels. */
    private static final List<Layout> CORE = List.of(Layout.QUOTA_HALF, Layout.KUBEPODS);

    /** The backports kernel's: what the JVM alone makes of the limits, and whether it or the kernel ends a hog. */
    private static final List<Layout> BLIND_CHECK = List.of(Layout.QUOTA_HALF, Layout.HOG);

    /** The steps for {@code kernel}, layout by layout. */
    static List<GuestPlan> of(GuestKernel kernel, List<TestJdks> jdks) {
        List<GuestPlan> plan = new ArrayList<>();
        for (Layout layout : FULL) {
            for (TestJdks jdk : jdks) {
                if (layoutsFor(kernel, jdk).contains(layout)) {
                    plan.add(new GuestPlan(jdk, layout));
                }
            }
        }
        for (TestJdks jdk : jdks) {
            if (layoutsFor(kernel, jdk).contains(Layout.HOG)) {
                plan.add(new GuestPlan(jdk, Layout.HOG));
            }
        }
        return plan;
    }

    private static List<Layout> layoutsFor(GuestKernel kernel, TestJdks jdk) {
        return switch (kernel) {
            case TRIXIE -> jdk == TestJdks.JDK8 || jdk == TestJdks.JDK21 ? FULL : CORE;
            case BOOKWORM -> jdk == TestJdks.JDK17 ? FULL : CORE;
            case BACKPORTS -> BLIND_CHECK;
        };
    }

    /** {@code 17:quota-0.5}: how the guest's PLAN spells a step. */
    String spelled() {
        return jdk.feature() + ":" + layout.key();
    }
}
