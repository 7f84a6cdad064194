package io.containerlimits.it.v2vm;

import io.containerlimits.it.support.TestJdks;
import java.util.ArrayList;
import java.util.List;

/**
 * Which layouts run on which JDK on which kernel. A JVM start costs 5 to 15 s of CPU under software emulation, so the
 * matrix is cut this way (the README says so too): every JDK runs every layout on one of 6.1 and 6.12 and the two
 * core layouts (a plain quota with a memory limit, the kubelet's layout) on the other; the backports kernel, the one
 * that blinds older JVMs, runs the blind-JVM check and the heap hog on all five.
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
            // 8, 11 and 21 get the full set on the new kernel, 17 and 25 (TestJdks.FULL_MATRIX) on the older
            case TRIXIE -> jdk.inFullMatrix() ? CORE : FULL;
            case BOOKWORM -> jdk.inFullMatrix() ? FULL : CORE;
            case BACKPORTS -> BLIND_CHECK;
        };
    }

    /** {@code 17:quota-0.5}: how the guest's PLAN spells a step. */
    String spelled() {
        return jdk.feature() + ":" + layout.key();
    }
}
