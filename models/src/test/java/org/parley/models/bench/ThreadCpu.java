package org.parley.models.bench;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of the benchmark's platform threads, grouped by what they are (the server's selector,
 * the HTTP client's selector and workers, the carriers of the virtual threads that run the
 * gateway and LangChain4j), so the figures say where the cores went.
 */
final class ThreadCpu {
    private ThreadCpu() {}

    static Map<String, Long> byGroup() {
        var mx = ManagementFactory.getThreadMXBean();
        var groups = new TreeMap<String, Long>();
        long gcMillis = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        groups.put("~GC (collection time, wall)", gcMillis * 1_000_000);
        groups.put("~JIT (compilation time, wall)", ManagementFactory.getCompilationMXBean().getTotalCompilationTime() * 1_000_000);
        try {
            String[] stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"))
                    .replaceFirst(".*\\) ", "").split(" ");
            long tick = 10_000_000L; // USER_HZ is 100 on Linux
            groups.put("~process user", Long.parseLong(stat[11]) * tick);
            groups.put("~process system", Long.parseLong(stat[12]) * tick);
        } catch (java.io.IOException | RuntimeException notLinux) {
            // no split
        }
        for (var info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = mx.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                groups.merge(group(info.getThreadName()), cpu, Long::sum);
            }
        }
        return groups;
    }

    private static String group(String name) {
        if (name.startsWith("ForkJoinPool-")) {
            return "virtual-thread carriers (gateway, LangChain4j, callers)";
        }
        if (name.startsWith("HttpClient-") && name.endsWith("-SelectorManager")) {
            return "HTTP client selector";
        }
        if (name.startsWith("HttpClient-")) {
            return "HTTP client workers";
        }
        if (name.startsWith("fixed-delay-server")) {
            return "provider (server)";
        }
        if (name.startsWith("C1 ") || name.startsWith("C2 ") || name.startsWith("GC ") || name.startsWith("G1 ")
                || name.contains("GC")) {
            return "JIT and GC";
        }
        return "other (" + name.replaceAll("[-#]?\\d+$", "") + ")";
    }

    /** Prints each group's CPU between two snapshots in microseconds per request. */
    static void printPerRequest(Map<String, Long> before, Map<String, Long> after, int requests) {
        var sb = new StringBuilder("  CPU per request by thread:");
        after.forEach((group, cpu) -> {
            long delta = cpu - before.getOrDefault(group, 0L);
            if (delta >= 500L * requests) {
                sb.append(String.format("  %s %.0f us;", group, delta / 1e3 / requests));
            }
        });
        System.out.println(sb);
    }
}
