package io.containerlimits.it.v2vm;

import io.containerlimits.it.support.TestJdks;
import io.containerlimits.testsupport.JvmRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What one boot of the guest left in its result directory (guest-matrix.sh describes the files): one
 * {@link JvmRun} per JDK, layout and variant, the kernel's own report and the timing.
 *
 * @param kernel    the kernel that ran
 * @param directory the result directory, shared read-write with the guest
 */
record GuestResults(GuestKernel kernel, Path directory) {

    /** The JVM of {@code jdk} in {@code layout} started as {@code variant}; fails naming the file it lacks. */
    JvmRun run(TestJdks jdk, Layout layout, Layout.Variant variant) {
        String name = layout.key() + "." + jdk.feature() + "." + variant.key();
        String status = read("runs/" + name + ".status").trim();
        return new JvmRun(List.of(read("runs/" + name + ".cmd").trim()), Integer.parseInt(status),
                read("runs/" + name + ".out"), read("runs/" + name + ".err"));
    }

    /** How many lines the live layout's JVM had printed when its {@code cpu.max} was rewritten. */
    int liveLinesBeforeRewrite(TestJdks jdk, Layout.Variant variant) {
        return Integer.parseInt(read("runs/live." + jdk.feature() + "." + variant.key() + ".written").trim());
    }

    /** What {@code flags} printed in the hog's group. */
    String hogFlags() {
        return read("runs/hog.flags").trim();
    }

    /** {@code uname -r} and then {@code /proc/cgroups}, as the guest's kernel showed them. */
    String kernelReport() {
        return read("kernel.txt");
    }

    /** The guest's {@code /sys/devices/system/cpu/cpuN/topology} lists, one {@code file:value} a line. */
    String topology() {
        return read("topology.txt");
    }

    /** Seconds per layout, in all, and the guest's CPU seconds. */
    String timing() {
        return read("timing.txt");
    }

    private String read(String file) {
        try {
            return Files.readString(directory.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the guest left no " + file + " in " + directory
                    + " (see console.log there)", e);
        }
    }
}
