package io.containerlimits.detect.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.detect.HostFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tuples from HotSpot's gtest {@code test_cgroupSubsystem_linux.cpp} and JDK-8343191. */
class PathMappingTest {

    private static MountInfoEntry mount(String root, String point) {
        return MountInfoEntry.parse("1 2 0:1 " + root + " " + point + " rw - cgroup cgroup rw,memory");
    }

    private static String leaf(String root, String point, String path, HostFiles files) {
        return PathMapping.leaf(mount(root, point), path, files, new ArrayList<String>());
    }

    @Test
    void rootSlashAppendsThePath(@TempDir Path dir) {
        assertEquals("/sys/fs/cgroup/memory/user.slice/user-1000.slice/user@1000.service",
                leaf("/", "/sys/fs/cgroup/memory", "/user.slice/user-1000.slice/user@1000.service",
                        new HostFiles(dir)));
    }

    @Test
    void aPathEqualToTheRootIsTheMountPoint(@TempDir Path dir) {
        String path = "/user.slice/user-1000.slice/user@1000.service";
        assertEquals("/sys/fs/cgroup/mem", leaf(path, "/sys/fs/cgroup/mem", path, new HostFiles(dir)));
    }

    @Test
    void aPathUnderTheRootAppendsTheRest(@TempDir Path dir) {
        assertEquals("/sys/fs/cgroup/memory/test", leaf("/docker/ab", "/sys/fs/cgroup/memory", "/docker/ab/test",
                new HostFiles(dir)));
    }

    @Test
    void aRootThatIsOnlyAPrefixOfANameIsNotAParent(@TempDir Path dir) {
        // /docker/abc is not under /docker/ab: no directory exists, so the mount point.
        assertEquals("/sys/fs/cgroup/memory", leaf("/docker/ab", "/sys/fs/cgroup/memory", "/docker/abc",
                new HostFiles(dir)));
    }

    @Test
    void aMovedProcessUsesTheFirstExistingSuffix(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sys/fs/cgroup/memory/test"));
        List<String> notes = new ArrayList<String>();
        assertEquals("/sys/fs/cgroup/memory/test", PathMapping.leaf(mount("/docker/ab", "/sys/fs/cgroup/memory"),
                "/elsewhere/test", new HostFiles(dir), notes));
        assertTrue(notes.get(0).contains("not under the mount root"), notes.toString());
    }

    @Test
    void dotDotInThePathMeansTheMountPoint(@TempDir Path dir) {
        assertEquals("/sys/fs/cgroup", leaf("/", "/sys/fs/cgroup", "/../../system.slice/foo.service",
                new HostFiles(dir)));
    }

    @Test
    void joiningNeverDoublesSlashes() {
        assertEquals("/a", PathMapping.join("/", "/a"));
        assertEquals("/m", PathMapping.join("/m", "/"));
        assertEquals("/m/a", PathMapping.join("/m", "/a/"));
    }
}
