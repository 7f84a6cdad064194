package io.containerlimits.memory;

import java.util.EnumMap;
import java.util.Map;

/**
 * Shares a memory limit out between heap, thread stacks, metaspace, code cache and direct memory, in the way of the
 * Cloud Foundry / Paketo memory calculator (docs/design.md §6):
 *
 * <pre>
 * metaspace = 14,000,000 B + 5,800 B x loaded classes          (rounded up to KiB)
 * heap      = limit - head room - direct - metaspace - code cache - threads x stack   (rounded down to MiB)
 * </pre>
 *
 * <p>The calculator's fixed defaults (240 MiB code cache, 250 threads of 1 MiB) alone exceed a 256 MiB limit, so here
 * the defaults scale with the limit up to 1 GiB and stay at the calculator's values from 1 GiB up. With
 * {@code s = min(limit, 1 GiB) / 1 GiB}:
 *
 * <pre>
 * threads         max(20, floor(250 x s))
 * loaded classes  max(1,000, floor(12,000 x s))
 * code cache      max(16 MiB, 240 MiB x s rounded down to MiB)
 * direct memory   10 MiB          thread stack  1 MiB          head room  0 %
 * </pre>
 *
 * A 256 MiB limit thus gets 62 threads, 3,000 classes, a 60 MiB code cache and a 94 MiB heap; 1 GiB gets 444 MiB.
 * Every size the user set is kept as given and the heap takes what is left; the heap must be at least
 * {@link #MIN_HEAP} unless the user set it. Immutable: every {@code with...} returns a new calculator.
 */
public final class MemoryCalculator {

    /** The limit from which the defaults are the CF/Paketo calculator's own. */
    static final long FULL_SCALE_LIMIT = Sizes.GIB;
    /** The calculator's thread count (Paketo {@code BPL_JVM_THREAD_COUNT}). */
    static final int FULL_THREAD_COUNT = 250;
    /** Fewest threads the scaled default counts: a JVM starts about this many of its own. */
    static final int MIN_THREAD_COUNT = 20;
    /** Loaded classes counted at full scale: a mid-sized Spring Boot application. */
    static final int FULL_LOADED_CLASS_COUNT = 12000;
    /** Fewest classes the scaled default counts: about what a hello world loads. */
    static final int MIN_LOADED_CLASS_COUNT = 1000;
    /** The calculator's code cache (HotSpot's own default with tiered compilation). */
    static final long FULL_CODE_CACHE = 240 * Sizes.MIB;
    /** Smallest scaled code cache. */
    static final long MIN_CODE_CACHE = 16 * Sizes.MIB;
    /** The calculator's direct memory. */
    static final long DIRECT_MEMORY = 10 * Sizes.MIB;
    /** The calculator's thread stack (HotSpot's default on Linux x64). */
    static final long THREAD_STACK = Sizes.MIB;
    /** Metaspace a JVM needs before any class of its own, per the calculator. */
    static final long METASPACE_BASE = 14000000L;
    /** Metaspace per loaded class, per the calculator. */
    static final long METASPACE_PER_CLASS = 5800L;
    /** The smallest heap worth starting a JVM with; a calculated heap below it does not fit. */
    static final long MIN_HEAP = 16 * Sizes.MIB;

    /** What "not given" looks like for the three inputs: the scaled default is used. */
    private static final int DEFAULT = -1;

    private final int headRoomPercent;
    private final int threadCount;
    private final int loadedClassCount;

    private MemoryCalculator(int headRoomPercent, int threadCount, int loadedClassCount) {
        this.headRoomPercent = headRoomPercent;
        this.threadCount = threadCount;
        this.loadedClassCount = loadedClassCount;
    }

    /** Scaled defaults for all three inputs, no head room. */
    public static MemoryCalculator defaults() {
        return new MemoryCalculator(0, DEFAULT, DEFAULT);
    }

    /** Leaves {@code percent} (0 to 99) of the limit unassigned. */
    public MemoryCalculator withHeadRoom(int percent) {
        if (percent < 0 || percent > 99) {
            throw new IllegalArgumentException("head room must be 0 to 99 percent, not " + percent);
        }
        return new MemoryCalculator(percent, threadCount, loadedClassCount);
    }

    /** Counts {@code count} thread stacks instead of the scaled default. */
    public MemoryCalculator withThreadCount(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, not " + count);
        }
        return new MemoryCalculator(headRoomPercent, count, loadedClassCount);
    }

    /** Sizes the metaspace for {@code count} loaded classes instead of the scaled default. */
    public MemoryCalculator withLoadedClassCount(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("loaded class count must be at least 1, not " + count);
        }
        return new MemoryCalculator(headRoomPercent, threadCount, count);
    }

    /**
     * Shares out {@code limit} bytes around the sizes in {@code user}.
     *
     * @throws CannotFitException when the sizes do not fit, or leave less than {@link #MIN_HEAP} for the heap
     * @throws IllegalArgumentException when a user option is not a size
     */
    public MemoryLayout calculate(long limit, UserMemoryOptions user) throws CannotFitException {
        long scaled = Math.min(limit, FULL_SCALE_LIMIT);
        int threads = threadCount != DEFAULT ? threadCount
                : (int) Math.max(MIN_THREAD_COUNT, FULL_THREAD_COUNT * scaled / FULL_SCALE_LIMIT);
        int classes = loadedClassCount != DEFAULT ? loadedClassCount
                : (int) Math.max(MIN_LOADED_CLASS_COUNT, FULL_LOADED_CLASS_COUNT * scaled / FULL_SCALE_LIMIT);

        Map<Region, Long> sizes = new EnumMap<Region, Long>(Region.class);
        sizes.put(Region.THREAD_STACK, THREAD_STACK);
        sizes.put(Region.METASPACE, Sizes.roundUp(METASPACE_BASE + METASPACE_PER_CLASS * classes, Sizes.KIB));
        sizes.put(Region.CODE_CACHE,
                Math.max(MIN_CODE_CACHE, Sizes.roundDown(FULL_CODE_CACHE * scaled / FULL_SCALE_LIMIT, Sizes.MIB)));
        sizes.put(Region.DIRECT_MEMORY, DIRECT_MEMORY);
        for (Region region : Region.values()) {
            if (user.sets(region)) {
                sizes.put(region, user.bytes(region, limit));
            }
        }
        long headRoom = Sizes.roundUp(limit / 100 * headRoomPercent, Sizes.KIB);
        long nonHeap = headRoom + sizes.get(Region.METASPACE) + sizes.get(Region.CODE_CACHE)
                + sizes.get(Region.DIRECT_MEMORY) + threads * sizes.get(Region.THREAD_STACK);
        String others = describeNonHeap(sizes, threads, headRoom, user);
        if (user.sets(Region.HEAP)) {
            long heap = sizes.get(Region.HEAP);
            if (heap + nonHeap > limit) {
                throw new CannotFitException("the memory limit of " + Sizes.human(limit) + " cannot hold the heap of "
                        + Sizes.human(heap) + " (" + user.token(Region.HEAP) + ") plus " + Sizes.human(nonHeap)
                        + " for " + others);
            }
        } else {
            long heap = Sizes.roundDown(limit - nonHeap, Sizes.MIB);
            if (heap < MIN_HEAP) {
                throw new CannotFitException("the memory limit of " + Sizes.human(limit) + " leaves "
                        + (heap > 0 ? Sizes.human(heap) : "nothing") + " for the heap after " + Sizes.human(nonHeap)
                        + " for " + others + "; at least " + Sizes.human(MIN_HEAP)
                        + " needed: lower --thread-count, --loaded-class-count or --head-room, or the user's sizes");
            }
            sizes.put(Region.HEAP, heap);
        }
        return new MemoryLayout(limit, headRoom, threads, classes, sizes, user);
    }

    /**
     * {@code 62 thread stacks of 1 MiB, metaspace 29.9 MiB, code cache 60 MiB, direct memory 10 MiB (-Xss1m: user)}.
     */
    private static String describeNonHeap(Map<Region, Long> sizes, int threads, long headRoom,
            UserMemoryOptions user) {
        StringBuilder sb = new StringBuilder();
        sb.append(threads).append(" thread stacks of ").append(Sizes.human(sizes.get(Region.THREAD_STACK)));
        for (Region region : new Region[] {Region.METASPACE, Region.CODE_CACHE, Region.DIRECT_MEMORY}) {
            sb.append(", ").append(region.label()).append(' ').append(Sizes.human(sizes.get(region)));
        }
        if (headRoom > 0) {
            sb.append(", head room ").append(Sizes.human(headRoom));
        }
        StringBuilder fromUser = new StringBuilder();
        for (Region region : Region.values()) {
            if (region != Region.HEAP && user.sets(region)) {
                fromUser.append(fromUser.length() == 0 ? "" : " ").append(user.token(region));
            }
        }
        if (fromUser.length() > 0) {
            sb.append(" (user: ").append(fromUser).append(')');
        }
        return sb.toString();
    }
}
