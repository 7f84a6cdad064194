package io.containerlimits.cli;

import io.containerlimits.Finding;
import io.containerlimits.Limits;
import io.containerlimits.Settings;
import io.containerlimits.Version;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code json} subcommand's object. Every value that may be missing is written as the value or {@code null},
 * with siblings that say why: {@code "quota": 1.5, "quotaSource": "..."} or
 * {@code "quota": null, "quotaStatus": "none", "quotaReason": "..."}.
 */
final class JsonReport {

    private JsonReport() {
        throw new UnsupportedOperationException();
    }

    /** The whole report as one JSON object. */
    static String of(Limits limits, JvmValues jvm, String agentLine) {
        Settings settings = limits.settings();
        Map<String, Object> root = new LinkedHashMap<String, Object>();
        root.put("version", Version.get());
        root.put("root", settings.root());

        Map<String, Object> cpu = new LinkedHashMap<String, Object>();
        cpu.put("count", limits.cpuCount());
        cpu.put("source", limits.cpuSource().name().toLowerCase(Locale.ROOT));
        finding(cpu, "quota", limits.cpuQuota());
        cpu.put("affinity", limits.affinity());
        if (limits.affinityFinding().isFound()) {
            cpu.put("affinitySource", limits.affinityFinding().source());
        } else {
            cpu.put("affinitySource", "the JVM's availableProcessors()");
            cpu.put("affinityReason", limits.affinityFinding().reason());
        }
        finding(cpu, "physicalCores", limits.physicalCores());
        cpu.put("cores", settings.cores().key());
        cpu.put("override", settings.cpus());
        cpu.put("rounding", settings.rounding().key());
        cpu.put("minCpus", settings.minCpus());
        cpu.put("reserveCpus", settings.reserveCpus());
        cpu.put("cgroup", limits.cpuCgroup());
        root.put("cpu", cpu);

        Map<String, Object> memory = new LinkedHashMap<String, Object>();
        finding(memory, "limit", limits.memoryLimit());
        memory.put("override", settings.memory());
        if (settings.memory() != null) {
            finding(memory, "detectedLimit", limits.detectedMemoryLimit());
        }
        finding(memory, "high", limits.memoryHigh());
        finding(memory, "swap", limits.swapLimit());
        finding(memory, "usage", limits.memoryUsage());
        memory.put("cgroup", limits.memoryCgroup());
        root.put("memory", memory);

        Map<String, Object> runtime = new LinkedHashMap<String, Object>();
        runtime.put("availableProcessors", jvm.availableProcessors());
        runtime.put("maxMemory", jvm.maxMemory());
        runtime.put("javaVersion", jvm.javaVersion());
        root.put("jvm", runtime);

        root.put("agent", agentLine);
        root.put("notes", limits.detection().notes());
        return Json.write(root);
    }

    /** {@code name}: the value or null; then {@code nameSource}, or {@code nameStatus} and {@code nameReason}. */
    private static void finding(Map<String, Object> object, String name, Finding<?> finding) {
        object.put(name, finding.value());
        if (finding.isFound()) {
            object.put(name + "Source", finding.source());
        } else {
            object.put(name + "Status", finding.status().name().toLowerCase(Locale.ROOT));
            object.put(name + "Reason", finding.reason());
        }
    }
}
