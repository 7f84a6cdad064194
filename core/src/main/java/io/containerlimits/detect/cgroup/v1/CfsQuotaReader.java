package io.containerlimits.detect.cgroup.v1;

import io.containerlimits.detect.HostFiles;
import io.containerlimits.detect.cgroup.CpuQuota;
import io.containerlimits.detect.cgroup.LevelReader;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads {@code cpu.cfs_quota_us} and {@code cpu.cfs_period_us} at one level of a cgroup v1 hierarchy, for the walk.
 * Immutable.
 */
final class CfsQuotaReader implements LevelReader<CpuQuota> {

    private final HostFiles files;

    CfsQuotaReader(HostFiles files) {
        this.files = files;
    }

    @Override
    public String file() {
        return "cpu.cfs_quota_us";
    }

    @Override
    public Optional<CpuQuota> read(Path directory) throws IOException {
        String quota = files.read(directory, file());
        // CfsQuota does not look at the period when the quota is -1, so a missing period then is harmless.
        String period;
        try {
            period = files.read(directory, "cpu.cfs_period_us");
        } catch (NoSuchFileException e) {
            period = "";
        }
        return CfsQuota.parse(quota, period);
    }

    @Override
    public double size(CpuQuota limit) {
        return limit.cpus();
    }
}
