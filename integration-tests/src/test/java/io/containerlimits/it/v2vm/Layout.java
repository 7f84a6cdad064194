package io.containerlimits.it.v2vm;

import java.util.List;

/**
 * The cgroup layouts the guest builds (integration-tests/v2vm/guest-matrix.sh makes them; the names are shared), and
 * the JVM variants it starts in each. The guest has {@value CgroupV2GuestTest#GUEST_CPUS} CPUs.
 */
enum Layout {

    /** {@code cpu.max} 0.5 and {@code memory.max} 256 MiB on the JVM's own group: the kernels' blind-JVM check. */
    QUOTA_HALF("quota-0.5", List.of(Variant.ALONE, Variant.AGENT, Variant.CONTROL)),

    /** {@code cpu.max} 1.5: 2 CPUs rounded up (the default), 1 with {@code rounding=floor}. */
    QUOTA_ONE_AND_A_HALF("quota-1.5", List.of(Variant.AGENT, Variant.FLOOR, Variant.CONTROL)),

    /** {@code cpu.max} 0.5 and {@code memory.max} 384 MiB on a parent; the JVM in a child with no quota and 1 GiB. */
    PARENT("parent", List.of(Variant.ALONE, Variant.AGENT, Variant.CONTROL)),

    /** {@code memory.max} 512 MiB, {@code memory.high} 256 MiB, {@code memory.swap.max} 64 MiB. */
    HIGH_AND_SWAP("high-swap", List.of(Variant.AGENT, Variant.CONTROL)),

    /** {@code cpuset.cpus} 1-2 of the guest's 0-3. */
    CPUSET("cpuset", List.of(Variant.AGENT, Variant.CONTROL)),

    /**
     * {@code cpu.max} 0.5 and {@code memory.max} 256 MiB; the JVM in a private cgroup namespace with cgroup2 mounted
     * again inside, as container runtimes do ({@code /proc/self/cgroup} says {@code 0::/}).
     */
    NAMESPACE_MOUNT("nsmount", List.of(Variant.ALONE, Variant.AGENT, Variant.CONTROL)),

    /**
     * The kubelet's systemd layout, {@code kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod<uid>.slice/
     * cri-containerd-<id>.scope}: the pod's {@code cpu.max} 0.5 and {@code memory.max} 256 MiB above the container's
     * looser 1.5 and 512 MiB.
     */
    KUBEPODS("kubepods", List.of(Variant.ALONE, Variant.AGENT, Variant.CONTROL)),

    /**
     * {@code cpu.max} 0.5 and {@code memory.max} 256 MiB; the JVM in a private cgroup namespace entered with
     * {@code unshare -C} and no fresh mount: {@code /proc/self/cgroup} says {@code 0::/} and the mount's root reads
     * {@code /..}, so only a search of the hierarchy finds the group (docs/edge-cases.md, "A private cgroup namespace
     * without a fresh mount").
     */
    NAMESPACE_NO_MOUNT("unshare", List.of(Variant.ALONE, Variant.AGENT, Variant.CONTROL)),

    /**
     * No limit, on a guest booted with 1 socket of 2 cores of 2 threads: the agent with {@code cores=physical} sizes
     * the JVM for the 2 cores.
     */
    TOPOLOGY("topology", List.of(Variant.PHYSICAL, Variant.CONTROL)),

    /** {@code cpu.max} 2 at start, rewritten to 0.5 once the JVM prints its first line. */
    LIVE("live", List.of(Variant.AGENT, Variant.CONTROL)),

    /** {@code memory.max} 256 MiB and {@code cpu.max} 0.5: a heap hog alone, and with what {@code flags} printed. */
    HOG("hog", List.of(Variant.HOG_ALONE, Variant.HOG_FLAGS));

    /** The name in the guest's file names. */
    private final String key;

    /** The JVMs the guest starts in this layout. */
    private final List<Variant> variants;

    Layout(String key, List<Variant> variants) {
        this.key = key;
        this.variants = variants;
    }

    String key() {
        return key;
    }

    List<Variant> variants() {
        return variants;
    }

    /** How one JVM in a layout is started (guest-matrix.sh spells them the same way). */
    enum Variant {
        /** The JVM as users start it, no agent. */
        ALONE("alone"),
        /** The agent, and {@code -XX:-UseContainerSupport}: what the agent reports is its own doing. */
        AGENT("agent"),
        /** The agent with {@code rounding=floor}, and {@code -XX:-UseContainerSupport}. */
        FLOOR("floor"),
        /** The agent with {@code cores=physical}, and {@code -XX:-UseContainerSupport}. */
        PHYSICAL("physical"),
        /** {@code -XX:-UseContainerSupport}, no agent; this JVM also runs the jar's {@code json}. */
        CONTROL("control"),
        /** A heap hog as users start it. */
        HOG_ALONE("hog-alone"),
        /** A heap hog with {@code JAVA_TOOL_OPTIONS} set to what {@code flags} printed in its group. */
        HOG_FLAGS("hog-flags");

        private final String key;

        Variant(String key) {
            this.key = key;
        }

        String key() {
            return key;
        }
    }
}
