package dev.papernotes.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Locale;

/** The results as short Markdown tables: one row (or block of rows) per corpus profile and size. */
final class Table {
    private Table() {
    }

    static String render(JsonArray results) {
        StringBuilder sb = new StringBuilder();
        if (results.size() > 0) {
            sb.append("Server started as: `").append(str(results.get(0).getAsJsonObject(), "command")).append("`\n\n");
        }
        sb.append("Build and memory (MB; RSS = resident in all, anon = anonymous, index = the mapped index's"
                + " resident pages, part of RSS; reclaimable page cache):\n\n");
        sb.append("| profile | papers | corpus MB | build s | papers/s | index MB (of the corpus) | building: peak RSS / anon |"
                + " after 1k keystrokes: RSS / anon / index | idle 15 s: RSS / anon | live heap / committed |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---|---|---|---|\n");
        for (JsonElement e : results) {
            JsonObject r = e.getAsJsonObject();
            JsonObject build = obj(r, "memoryAfterBuild");
            JsonObject typed = obj(r, "memoryAfterTyping");
            JsonObject idle = obj(r, "memoryIdle");
            sb.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s / %s | %s / %s / %s | %s / %s | %s / %s |%n",
                    str(r, "profile"), r.get("papers").getAsInt(), num(r, "corpusMb"), num(r, "buildSeconds"),
                    r.has("papersPerSecond") ? String.format(Locale.ROOT, "%,d", r.get("papersPerSecond").getAsLong()) : "n/a",
                    num(r, "indexMb") + (r.has("indexPerCorpus") ? " (" + num(r, "indexPerCorpus") + ")" : ""),
                    mb(build, "peakRssMb"), mb(build, "peakAnonMb"),
                    mb(typed, "rssMb"), mb(typed, "anonMb"), mb(typed, "indexMappedMb"),
                    mb(idle, "rssMb"), mb(idle, "anonMb"), num(r, "heapAfterQueriesMb"), num(r, "heapCommittedAfterGcMb")));
        }
        sb.append("\nStart with the index on disk (median of the restarts): seconds from process start to the"
                + " initialize answer and to the first completion with items, and the CPU time the server had used"
                + " by then (all threads; on a busy machine the wall time is mostly waiting).\n\n");
        sb.append("| profile | papers | initialize s | first completion s | CPU s until then | notes scanned | scan ms |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (JsonElement e : results) {
            JsonObject r = e.getAsJsonObject();
            sb.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s |%n", str(r, "profile"),
                    r.get("papers").getAsInt(), num(r, "initializeSeconds"), num(r, "readySeconds"),
                    num(r, "readyCpuSeconds"), num(r, "workspaceNotes"), num(r, "notesScanMs")));
        }
        int noteLines = KeystrokeScenario.NOTE_LINES;
        for (JsonElement e : results) {
            for (String session : new String[] {"typingAfterBuild", "typing"}) {
                JsonElement typing = e.getAsJsonObject().get(session);
                if (typing != null && typing.isJsonObject() && typing.getAsJsonObject().has("noteLines")) {
                    noteLines = typing.getAsJsonObject().get("noteLines").getAsInt();
                }
            }
        }
        sb.append("\nTyping in a " + noteLines + "-line note, ms p50 / p95 / p99 over stdio: a keystroke is didChange + completion"
                + " (after `[[`, in prose, after `@`); hover and definition on bare names after each accepted name."
                + " `restart` = a server started on the index on disk; `after build` = the session that built it."
                + " Inside the server: the completion request alone, wall time (and the CPU time of its thread:"
                + " the rest is waiting for a core).\n\n");
        sb.append("| profile | papers | session | keystroke | `[[` | prose | `@` | hover | definition |"
                + " completion inside | empty after 3+ chars |\n");
        sb.append("|---|---:|---|---|---|---|---|---|---|---|---:|\n");
        for (JsonElement e : results) {
            JsonObject r = e.getAsJsonObject();
            for (String run : new String[] {"typing", "typingAfterBuild"}) {
                JsonObject t = obj(r, run);
                if (t == null) {
                    continue;
                }
                JsonObject s = t.getAsJsonObject("stdio");
                JsonObject in = t.getAsJsonObject("insideServer");
                sb.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                        str(r, "profile"), r.get("papers").getAsInt(), run.equals("typing") ? "restart" : "after build",
                        triple(obj(s, "keystroke")), triple(obj(s, "keystroke.wiki")), triple(obj(s, "keystroke.prose")),
                        triple(obj(s, "keystroke.cite")), triple(obj(s, "hover")), triple(obj(s, "definition")),
                        triple(obj(in, "completion")) + cpu(obj(in, "completion")), num(t, "emptyCompletionsAfter3Chars")));
            }
        }
        sb.append("\nSingle requests on a note that does not change, ms p50 / p95 / p99: over stdio, inside the"
                + " server, and the same lookups directly on Lucene (floor); ratio = stdio p50 / floor p50.\n\n");
        sb.append("| profile | papers | request | stdio | inside server | floor | ratio |\n");
        sb.append("|---|---:|---|---|---|---|---:|\n");
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
                        : String.format(Locale.ROOT, "%.1f", s.get("p50").getAsDouble() / f.get("p50").getAsDouble());
                sb.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s |%n", str(r, "profile"),
                        r.get("papers").getAsInt(), op, triple(s), triple(in), f == null ? "n/a" : triple(f), ratio));
            }
        }
        return sb.toString();
    }

    /** " (cpu p50 / p99)" when the server reported CPU time. */
    private static String cpu(JsonObject o) {
        if (o == null || !o.has("cpuP50")) {
            return "";
        }
        return " (cpu " + ms(o, "cpuP50") + " / " + ms(o, "cpuP99") + ")";
    }

    private static JsonObject obj(JsonObject o, String key) {
        return o != null && o.has(key) && o.get(key).isJsonObject() ? o.getAsJsonObject(key) : null;
    }

    private static String triple(JsonObject o) {
        if (o == null || !o.has("p50")) {
            return "n/a";
        }
        return ms(o, "p50") + " / " + ms(o, "p95") + " / " + ms(o, "p99");
    }

    private static String ms(JsonObject o, String key) {
        return String.format(Locale.ROOT, "%.2f", o.get(key).getAsDouble());
    }

    private static String mb(JsonObject o, String key) {
        return o == null || !o.has(key) ? "n/a" : String.format(Locale.ROOT, "%.0f", o.get(key).getAsDouble());
    }

    private static String num(JsonObject r, String key) {
        return r != null && r.has(key) ? r.get(key).getAsString() : "n/a";
    }

    private static String str(JsonObject r, String key) {
        return r.has(key) ? r.get(key).getAsString() : "seed";
    }
}
