package io.containerlimits.detect.cgroup.v2;

import io.containerlimits.detect.HostFiles;
import io.containerlimits.detect.cgroup.CpuQuota;
import io.containerlimits.detect.cgroup.LevelReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads {@code cpu.max} at one level of a cgroup v2 hierarchy, for the walk. Immutable. */
final class CpuMaxReader implements LevelReader<CpuQuota> {

    private final HostFiles files;

    CpuMaxReader(HostFiles files) {
        this.files = files;
    }

    @Override
    public String file() {
        return "cpu.max";
    }

    @Override
    public Optional<CpuQuota> read(Path directory) throws IOException {
        return CpuMax.parse(files.read(directory, file()));
    }

    @Override
    public double size(CpuQuota limit) {
        return limit.cpus();
    }
}
