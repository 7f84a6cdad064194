package io.containerlimits.detect.cgroup;

import io.containerlimits.Finding;
import io.containerlimits.detect.HostFiles;
import io.containerlimits.detect.MalformedInputException;
import io.containerlimits.detect.Numbers;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a one-number memory file at a level ({@code memory.max}, {@code memory.limit_in_bytes}, ...) with the
 * "no limit" rules of docs/design.md §3 step 5: {@code max}, ≤ 0, ≥ 2^62 (see {@link MemoryValue}) and, for limits,
 * the host ceiling ({@link #belowHostMemory}). Immutable.
 */
public final class MemoryFileReader implements LevelReader<Long> {

    private final HostFiles files;
    private final String file;
    private final OptionalLong hostMemory;
    private final boolean zeroIsALimit;

    private MemoryFileReader(HostFiles files, String file, OptionalLong hostMemory, boolean zeroIsALimit) {
        this.files = files;
        this.file = file;
        this.hostMemory = hostMemory;
        this.zeroIsALimit = zeroIsALimit;
    }

    /** A memory limit, under the host ceiling of {@link #belowHostMemory}. */
    public static MemoryFileReader limit(HostFiles files, String file, OptionalLong hostMemory) {
        return new MemoryFileReader(files, file, hostMemory, false);
    }

    /** A swap limit: {@code 0} means "no swap", a real limit; swap may exceed RAM, so there is no host ceiling. */
    public static MemoryFileReader swap(HostFiles files, String file) {
        return new MemoryFileReader(files, file, OptionalLong.empty(), true);
    }

    @Override
    public String file() {
        return file;
    }

    @Override
    public Optional<Long> read(Path directory) throws IOException {
        OptionalLong bytes = parse(files.read(directory, file));
        return hostMemory.isPresent() ? belowHostMemory(bytes, hostMemory) : optional(bytes);
    }

    private OptionalLong parse(String content) {
        if (zeroIsALimit && content.trim().equals("0")) {
            return OptionalLong.of(0);
        }
        return MemoryValue.parse(content);
    }

    /**
     * The host ceiling, the one place it is applied: a memory limit at or above the host's RAM ({@code MemTotal}, when
     * known) cannot bind, so it is no limit (docs/design.md §3 step 5). Swap has no such ceiling.
     */
    public static Optional<Long> belowHostMemory(OptionalLong bytes, OptionalLong hostMemory) {
        if (bytes.isPresent() && hostMemory.isPresent() && bytes.getAsLong() >= hostMemory.getAsLong()) {
            return Optional.empty();
        }
        return optional(bytes);
    }

    private static Optional<Long> optional(OptionalLong bytes) {
        return bytes.isPresent() ? Optional.of(bytes.getAsLong()) : Optional.<Long>empty();
    }

    @Override
    public double size(Long limit) {
        return limit;
    }

    /**
     * The leaf's usage from {@code file} ({@code memory.current}, {@code memory.usage_in_bytes}).
     */
    public static Finding<Long> usage(CgroupHierarchy hierarchy, String file) {
        String where = hierarchy.describe(0, file);
        try {
            String content = hierarchy.files().read(hierarchy.directory(0), file).trim();
            long bytes = Numbers.parseLong(content, file);
            if (bytes < 0) {
                throw new MalformedInputException(file + ": negative", content);
            }
            return Finding.found(bytes, where);
        } catch (NoSuchFileException e) {
            return Finding.unknown(where + ": missing");
        } catch (IOException e) {
            return Finding.unknown(where + ": unreadable: " + e.getMessage());
        } catch (MalformedInputException e) {
            return Finding.unknown(where + ": " + e.getMessage());
        }
    }
}
