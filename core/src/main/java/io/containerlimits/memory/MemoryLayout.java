package io.containerlimits.memory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How a memory limit is shared out: the size of every {@link Region}, the thread count its stacks are counted for, the
 * head room, and which sizes the user had already chosen. Made by {@link MemoryCalculator}; immutable.
 */
public final class MemoryLayout {

    private final long limit;
    private final long headRoom;
    private final int threadCount;
    private final int loadedClassCount;
    private final Map<Region, Long> sizes;
    private final UserMemoryOptions user;

    MemoryLayout(long limit, long headRoom, int threadCount, int loadedClassCount, Map<Region, Long> sizes,
            UserMemoryOptions user) {
        this.limit = limit;
        this.headRoom = headRoom;
        this.threadCount = threadCount;
        this.loadedClassCount = loadedClassCount;
        this.sizes = Collections.unmodifiableMap(new EnumMap<Region, Long>(sizes));
        this.user = user;
    }

    /** The memory limit shared out, in bytes. */
    public long limit() {
        return limit;
    }

    /** Bytes left unassigned on purpose (the head-room percentage of the limit). */
    public long headRoom() {
        return headRoom;
    }

    /** How many thread stacks are counted. */
    public int threadCount() {
        return threadCount;
    }

    /** How many loaded classes the metaspace is sized for (meaningless when the user set the metaspace). */
    public int loadedClassCount() {
        return loadedClassCount;
    }

    /** The size of {@code region} in bytes ({@link Region#THREAD_STACK}: one thread's). */
    public long size(Region region) {
        return sizes.get(region);
    }

    /** True when the user chose this size and {@code flags} must not print it. */
    public boolean fromUser(Region region) {
        return user.sets(region);
    }

    /** Heap, every stack, metaspace, code cache, direct memory and head room: never more than {@link #limit()}. */
    public long total() {
        long total = headRoom;
        for (Region region : Region.values()) {
            total += region == Region.THREAD_STACK ? threadCount * size(region) : size(region);
        }
        return total;
    }

    /** The options {@code flags} adds, in {@link Region} order: every size the user did not choose. */
    public List<String> options() {
        List<String> options = new ArrayList<String>();
        for (Region region : Region.values()) {
            if (!fromUser(region)) {
                options.add(region.option(size(region)));
            }
        }
        return options;
    }

    /** One line per region for reports: {@code heap 94 MiB (calculated)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("limit " + Sizes.human(limit) + ":");
        for (Region region : Region.values()) {
            sb.append(' ').append(region.label()).append(' ').append(Sizes.human(size(region)));
            if (region == Region.THREAD_STACK) {
                sb.append(" x ").append(threadCount);
            }
            sb.append(fromUser(region) ? " (user)" : "").append(',');
        }
        return sb.append(" head room ").append(Sizes.human(headRoom)).toString();
    }
}
