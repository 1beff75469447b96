package dev.papernotes.bench;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a process holds in memory, as Linux counts it ({@code /proc/PID/status} and
 * {@code smaps}): resident in all, anonymous (heap, metaspace, code, stacks: what only this process
 * can use), file-backed (mapped files; clean pages the kernel reclaims under pressure), and of that
 * the part that is the mapped index, i.e. the index's page cache mapped into the process.
 *
 * @param rssMb   VmRSS: everything resident
 * @param anonMb  RssAnon
 * @param fileMb  RssFile
 * @param indexMb resident pages of mappings under the index folder (part of {@code fileMb})
 * @param peakMb  VmHWM: the most resident at any time so far
 */
record ProcessMemory(double rssMb, double anonMb, double fileMb, double indexMb, double peakMb,
        java.util.Map<String, Double> indexByKind) {

    static ProcessMemory of(long pid, Path indexDir) throws IOException {
        double rss = 0;
        double anon = 0;
        double file = 0;
        double peak = 0;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kbToMb(line);
            } else if (line.startsWith("RssAnon:")) {
                anon = kbToMb(line);
            } else if (line.startsWith("RssFile:")) {
                file = kbToMb(line);
            } else if (line.startsWith("VmHWM:")) {
                peak = kbToMb(line);
            }
        }
        java.util.Map<String, Double> byKind = new java.util.TreeMap<>();
        double index = indexDir == null ? 0 : mappedUnder(pid, indexDir, byKind);
        return new ProcessMemory(rss, anon, file, index, peak, byKind);
    }

    /**
     * CPU seconds the process has used (user + system, all threads), from {@code /proc/PID/stat}:
     * what a start costs whatever else the machine is doing.
     */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state(0) ... utime(11) stime(12), in clock ticks (100 a second on Linux)
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Anonymous resident memory alone (cheap enough to sample while an index builds). */
    static double anonMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("RssAnon:")) {
                    return kbToMb(line);
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        return 0;
    }

    /**
     * Resident megabytes of the mappings whose file is under {@code dir}; {@code byKind} gets them
     * per kind of file ({@code .fdt} stored fields, {@code .lkp} completion FSTs, ...).
     */
    private static double mappedUnder(long pid, Path dir, java.util.Map<String, Double> byKind) throws IOException {
        String prefix = dir.toAbsolutePath().normalize().toString() + "/";
        List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps"));
        String kind = null;
        double mb = 0;
        for (String line : lines) {
            if (isMappingHeader(line)) {
                int slash = line.indexOf('/');
                String file = slash < 0 ? "" : line.substring(slash);
                kind = file.startsWith(prefix) ? kindOf(file.substring(prefix.length())) : null;
            } else if (kind != null && line.startsWith("Rss:")) {
                double m = kbToMb(line);
                mb += m;
                byKind.merge(kind, m, Double::sum);
            }
        }
        byKind.replaceAll((k, v) -> Benchmark.round(v));
        byKind.values().removeIf(v -> v < 0.5);
        return Benchmark.round(mb);
    }

    /** {@code _3_Lucene912_0.doc} -> {@code Lucene912.doc}; {@code mentions_x.fst} -> {@code mentions.fst}. */
    private static String kindOf(String name) {
        String n = name.replaceAll("^_[0-9a-z]+(_[0-9a-z]+)?_?", "").replaceAll("_[0-9]+(?=\\.)", "");
        return n.startsWith("mentions") ? "mentions.fst" : n;
    }

    /** {@code 7f12...-7f13... r--s 00000000 fd:01 1234   /path}: an address range starts a mapping. */
    private static boolean isMappingHeader(String line) {
        int dash = line.indexOf('-');
        int space = line.indexOf(' ');
        return dash > 0 && space > dash && line.chars().limit(dash).allMatch(c -> Character.digit(c, 16) >= 0);
    }

    private static double kbToMb(String line) {
        String[] parts = line.trim().split("\\s+");
        return Benchmark.round(Long.parseLong(parts[1]) / 1024.0);
    }

    JsonObject json() {
        JsonObject o = new JsonObject();
        o.addProperty("rssMb", rssMb);
        o.addProperty("anonMb", anonMb);
        o.addProperty("fileMb", fileMb);
        o.addProperty("indexMappedMb", indexMb);
        o.addProperty("peakRssMb", peakMb);
        JsonObject kinds = new JsonObject();
        indexByKind.forEach(kinds::addProperty);
        o.add("indexMappedByKindMb", kinds);
        return o;
    }
}
