package dev.papernotes.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** The results as a short Markdown table: one block of rows per corpus size. */
final class Table {
    private Table() {
    }

    static String render(JsonArray results) {
        StringBuilder sb = new StringBuilder();
        sb.append("| papers | build s | papers/s | index MB | heap after build MB | heap after queries MB | ready s |"
                + " notes scanned | scan ms |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (JsonElement e : results) {
            JsonObject r = e.getAsJsonObject();
            sb.append(String.format("| %,d | %s | %s | %s | %s | %s | %s | %s | %s |%n", r.get("papers").getAsInt(),
                    num(r, "buildSeconds"), r.has("papersPerSecond") ? String.format("%,d", r.get("papersPerSecond").getAsLong())
                            : "n/a", num(r, "indexMb"),
                    num(r, "heapAfterBuildMb"), num(r, "heapAfterQueriesMb"), num(r, "readySeconds"),
                    num(r, "workspaceNotes"), num(r, "notesScanMs")));
        }
        sb.append("\nLatency in ms, p50 / p95 / p99: over stdio, inside the server, and the same lookups directly on"
                + " Lucene (floor); ratio = stdio p50 / floor p50.\n\n");
        sb.append("| papers | request | stdio | inside server | floor | ratio |\n");
        sb.append("|---:|---|---|---|---|---:|\n");
        for (JsonElement e : results) {
            JsonObject r = e.getAsJsonObject();
            JsonObject stdio = r.getAsJsonObject("stdio");
            if (stdio == null) {
                continue;
            }
            for (String op : stdio.keySet()) {
                JsonObject s = stdio.getAsJsonObject(op);
                JsonObject in = r.getAsJsonObject("insideServer").getAsJsonObject(op);
                JsonObject f = r.has("floor") ? r.getAsJsonObject("floor").getAsJsonObject(op) : null;
                String ratio = f == null || f.get("p50").getAsDouble() <= 0 ? "n/a"
                        : String.format("%.1f", s.get("p50").getAsDouble() / f.get("p50").getAsDouble());
                sb.append(String.format("| %,d | %s | %s | %s | %s | %s |%n", r.get("papers").getAsInt(), op, triple(s),
                        triple(in), f == null ? "n/a" : triple(f), ratio));
            }
        }
        return sb.toString();
    }

    private static String triple(JsonObject o) {
        if (o == null || !o.has("p50")) {
            return "n/a";
        }
        return ms(o, "p50") + " / " + ms(o, "p95") + " / " + ms(o, "p99");
    }

    private static String ms(JsonObject o, String key) {
        return String.format(java.util.Locale.ROOT, "%.2f", o.get(key).getAsDouble());
    }

    private static String num(JsonObject r, String key) {
        return r.has(key) ? r.get(key).getAsString() : "n/a";
    }
}
