package io.containerlimits.cli;

/** The {@code --help} text. */
final class Help {

    /** Usage, options, defaults and exit codes. Lines under 100 columns. */
    static final String TEXT = String.join("\n",
            "Usage: java -jar container-limits.jar [report|json|flags] [options]",
            "",
            "  report   (default) the CPU count and memory limit, how they were derived, what this JVM",
            "           reports, and the -javaagent option to use",
            "  json     the same as one JSON object",
            "  flags    JVM options to prepend to JAVA_TOOL_OPTIONS, on one line:",
            "           JAVA_TOOL_OPTIONS=\"$(java -jar container-limits.jar flags) $JAVA_TOOL_OPTIONS\"",
            "",
            "Options (--key value or --key=value; they override the CONTAINER_LIMITS_* environment):",
            "  --cpus N              CPU count: 2, 1.5 or 500m (rounded by the policy, not bounded by affinity)",
            "  --memory SIZE         memory limit: bytes, or 512m, 2g, 256Mi (1024-based)",
            "  --rounding MODE       ceil (default), floor or round (half up)",
            "  --min-cpus N          minimum CPU count (default 1)",
            "  --reserve-cpus N      CPUs subtracted from the quota before rounding (default 0)",
            "  --cores KIND          logical (default): every allowed CPU counts; physical: the physical",
            "                        cores among them bound the count (one per core on SMT machines)",
            "  --root DIR            read /proc and /sys/fs/cgroup under DIR (default /)",
            "  --verbose             report: also the detection notes",
            "  --help, --version",
            "",
            "flags only:",
            "  --head-room PCT       percent of the limit left to no region (default 0)",
            "  --thread-count N      thread stacks to count (default 250, scaled below 1 GiB)",
            "  --loaded-class-count N  classes to size the metaspace for (default 12000, scaled below 1 GiB)",
            "  --java-tool-options S the JVM options to fit around (default: $JAVA_TOOL_OPTIONS)",
            "",
            "flags prints -XX:ActiveProcessorCount=N when a quota, --cpus or --cores physical decides the",
            "count, and, when a memory limit is known, -Xmx -Xss -XX:MaxMetaspaceSize",
            "-XX:ReservedCodeCacheSize -XX:MaxDirectMemorySize in the way of the Cloud Foundry / Paketo",
            "memory calculator:",
            "  metaspace = 14,000,000 B + 5,800 B x classes; heap = limit - head room - direct (10 MiB)",
            "              - metaspace - code cache - threads x stack (1 MiB)",
            "Defaults scale with the limit up to 1 GiB, with s = min(limit, 1 GiB) / 1 GiB:",
            "  threads max(20, 250 s), classes max(1000, 12000 s), code cache max(16 MiB, 240 MiB s)",
            "  (256 MiB: 62 threads, 3000 classes, 60 MiB code cache, heap 94 MiB; 1 GiB: heap 444 MiB)",
            "Sizes the user set in JAVA_TOOL_OPTIONS (-Xmx, -XX:MaxHeapSize, -XX:MaxRAMPercentage, -Xss,",
            "-XX:MaxMetaspaceSize, -XX:ReservedCodeCacheSize, -XX:MaxDirectMemorySize) are kept, not printed.",
            "",
            "Exit status: 0 done; 2 bad usage or a --root that does not exist; 3 flags cannot fit the",
            "user's sizes (or a heap of at least 16 MiB) in the memory limit.");

    private Help() {
        throw new UnsupportedOperationException();
    }
}
