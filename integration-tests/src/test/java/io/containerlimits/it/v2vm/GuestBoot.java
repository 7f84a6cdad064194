package io.containerlimits.it.v2vm;

import static org.junit.jupiter.api.Assertions.fail;

import io.containerlimits.it.support.TestJdks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Boots the guest once with {@code integration-tests/v2vm/boot.sh} and guest-matrix.sh, the plan and the jar the
 * build just made, and hands back what it left. Everything the guest reads is a host path: it sees the host's file
 * system read-only.
 */
final class GuestBoot {

    /** The module's scripts, relative to the module directory (where Maven runs the tests). */
    private static final Path SCRIPTS = Paths.get("v2vm");

    /** JVMs the guest runs at once: most wait on a 0.5-CPU quota, so more than its CPUs keeps them busy. */
    private static final int JOBS = 6;

    /** Exit status of boot.sh when the guest never reached the test script. */
    private static final int NEVER_BOOTED = 125;

    /** Exit status of boot.sh when the guest stopped (a kernel panic) before the test script ended. */
    private static final int STOPPED = 126;

    /** Exit status of boot.sh when qemu was killed at the time limit. */
    private static final int TIMED_OUT = 124;

    private GuestBoot() {
        throw new UnsupportedOperationException("static holder");
    }

    /**
     * Runs {@code plan} in a guest with {@code kernel}, in a fresh {@code target/v2vm/<kernel>} directory; fails the
     * test, with the boot's own account and the console's last lines, when the guest does not boot or run to its end
     * within {@code limit}.
     */
    static GuestResults run(GuestKernel kernel, List<GuestPlan> plan, List<TestJdks> jdks, Path agentJar,
            Duration limit) {
        Path out = Paths.get("target", "v2vm", kernel.setupName()).toAbsolutePath();
        try {
            deleteTree(out);
            Files.createDirectories(out);
            Files.writeString(out.resolve("params.sh"), params(plan, jdks, agentJar, TestJdks.programClasses()));
            ProcessBuilder boot = new ProcessBuilder("bash", SCRIPTS.resolve("boot.sh").toString(),
                    kernel.directory().toString(), SCRIPTS.resolve("guest-matrix.sh").toString(), out.toString(),
                    String.valueOf(limit.toSeconds())).redirectErrorStream(true);
            boot.environment().put("V2VM_SMP", kernel.smp());
            Process process = boot.start();
            // boot.sh ends qemu at the limit itself; its output ends when it does.
            String account = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = process.waitFor();
            System.out.print(account);
            if (status == NEVER_BOOTED) {
                fail("the cgroup v2 guest with kernel " + kernel.release() + " did not boot (qemu-system-x86_64, "
                        + "software emulation):\n" + account);
            } else if (status == STOPPED) {
                fail("the cgroup v2 guest with kernel " + kernel.release() + " stopped before its test script "
                        + "ended (twice, if the first was a kernel panic):\n" + account);
            } else if (status == TIMED_OUT) {
                fail("the cgroup v2 guest with kernel " + kernel.release() + " did not finish within " + limit
                        + ":\n" + account);
            } else if (status != 0) {
                fail("the guest's test script failed (exit " + status + "):\n" + account);
            }
            return new GuestResults(kernel, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot boot the guest into " + out, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the guest ran", e);
        }
    }

    private static String params(List<GuestPlan> plan, List<TestJdks> jdks, Path agentJar, Path classes) {
        return "AGENT_JAR=" + agentJar + "\n"
                + "PROBE_CLASSES=" + classes + "\n"
                + "JDK_HOMES=\"" + jdks.stream().map(jdk -> jdk.feature() + "=" + jdk.jdk().home())
                        .collect(Collectors.joining(" ")) + "\"\n"
                + "PLAN=\"" + plan.stream().map(GuestPlan::spelled).collect(Collectors.joining(" ")) + "\"\n"
                + "JOBS=" + JOBS + "\n";
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
