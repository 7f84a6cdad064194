package io.containerlimits.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostFilesTest {

    @Test
    void absolutePathsAreMappedUnderTheRoot(@TempDir Path root) {
        HostFiles files = new HostFiles(root);
        assertEquals(root.resolve("sys/fs/cgroup/cpu"), files.underRoot("/sys/fs/cgroup/cpu"));
        assertEquals(root, files.underRoot("/"));
    }

    @Test
    void aFileAtTheBoundIsReadAndOneByteMoreIsRefused(@TempDir Path root) throws IOException {
        Files.write(root.resolve("ok"), new byte[HostFiles.FILE_BOUND]);
        Files.write(root.resolve("big"), new byte[HostFiles.FILE_BOUND + 1]);
        HostFiles files = new HostFiles(root);
        assertEquals(HostFiles.FILE_BOUND, files.read(root, "ok").length());
        IOException e = assertThrows(IOException.class, () -> files.read(root, "big"));
        assertTrue(e.getMessage().contains("larger than"), e.getMessage());
    }

    @Test
    void aTruncatingReadGivesTheFirstBoundBytesAndNeverFails(@TempDir Path root) throws IOException {
        // The agent's /proc/self/cmdline and option files: past the bound are application arguments, not options.
        byte[] content = new byte[20_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i % 251);
        }
        Path file = Files.write(root.resolve("cmdline"), content);
        assertArrayEquals(Arrays.copyOf(content, 10_000), HostFiles.readBounded(file, 10_000, true));
        assertArrayEquals(content, HostFiles.readBounded(file, 20_000, false), "exactly the bound");
        assertArrayEquals(content, HostFiles.readBounded(file, 1 << 20, false), "well under it");
        assertThrows(IOException.class, () -> HostFiles.readBounded(file, 19_999, false));
    }

    @Test
    void aMissingFileAndADirectoryAreIoErrors(@TempDir Path root) throws IOException {
        Files.createDirectory(root.resolve("dir"));
        HostFiles files = new HostFiles(root);
        assertThrows(NoSuchFileException.class, () -> files.read(root, "missing"));
        assertThrows(IOException.class, () -> files.read(root, "dir"));
    }

    @Test
    void theRealProcFilesAreReadable() throws IOException {
        // This process's own /proc: the bounded reader must cope with size-0 pseudo files.
        HostFiles files = new HostFiles(Paths.get("/"));
        assertTrue(files.procSelfStatus().contains("Cpus_allowed_list:"));
        assertTrue(files.procSelfMountInfo().contains(" - "));
    }
}
