package dev.papernotes.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's settings, from LSP {@code initializationOptions} or the {@code papernotes} section of
 * {@code workspace/configuration} (VS Code settings {@code papernotes.*}); both take the same keys,
 * nested ({@code {"completion": {"prose": false}}}) or dotted ({@code {"completion.prose": false}}).
 */
public record Settings(List<String> corpus, String indexDir, boolean completionProse, int completionMaxItems,
        boolean diagnosticsEnabled, boolean inlayHintsEnabled,
        DanglingLinks danglingLinks, String newNoteFolder) {

    public static final Settings DEFAULTS = new Settings(List.of(), null, true, 50, true, true,
            DanglingLinks.WARNING, "");

    /**
     * How a link that leads to no paper, note or file is reported ({@code diagnostics.danglingLinks}).
     * A warning by default: in a research-notes workspace such a link is most often a misspelt paper
     * or note name, which the quick fixes repair, and {@code papernotes check} must fail on it; vault
     * users who plan notes with links set {@code information} (or {@code off}).
     */
    public enum DanglingLinks {
        WARNING, INFORMATION, OFF;

        static DanglingLinks parse(JsonElement e, DanglingLinks fallback) {
            if (!(e instanceof JsonPrimitive p) || !p.isString()) {
                return fallback;
            }
            return switch (p.getAsString().strip().toLowerCase(java.util.Locale.ROOT)) {
                case "warning", "warn" -> WARNING;
                case "information", "info", "hint" -> INFORMATION;
                case "off", "none", "false" -> OFF;
                default -> fallback;
            };
        }
    }

    /** Reads what {@code json} sets over {@code base}; malformed values keep the base value. */
    public static Settings from(JsonElement json, Settings base) {
        if (json == null || !json.isJsonObject()) {
            return base;
        }
        JsonObject o = json.getAsJsonObject();
        if (o.has("papernotes") && o.get("papernotes").isJsonObject()) {
            o = o.getAsJsonObject("papernotes");
        }
        List<String> corpus = base.corpus;
        JsonElement c = o.get("corpus");
        if (c != null && !c.isJsonNull()) {
            corpus = strings(c);
        }
        String indexDir = base.indexDir;
        JsonElement i = o.get("indexDir");
        if (i != null && i.isJsonPrimitive()) {
            indexDir = i.getAsString().isBlank() ? null : i.getAsString();
        }
        boolean prose = bool(lookup(o, "completion", "prose"), base.completionProse);
        int max = integer(lookup(o, "completion", "maxItems"), base.completionMaxItems);
        boolean diagnostics = bool(lookup(o, "diagnostics", "enabled"), base.diagnosticsEnabled);
        boolean inlayHints = bool(lookup(o, "inlayHints", "enabled"), base.inlayHintsEnabled);
        DanglingLinks dangling = DanglingLinks.parse(lookup(o, "diagnostics", "danglingLinks"), base.danglingLinks);
        String newNoteFolder = base.newNoteFolder;
        JsonElement nf = lookup(o, "notes", "newNoteFolder");
        if (nf instanceof JsonPrimitive p && p.isString()) {
            newNoteFolder = p.getAsString().strip();
        }
        return new Settings(List.copyOf(corpus), indexDir, prose, Math.max(1, Math.min(1000, max)), diagnostics,
                inlayHints, dangling, newNoteFolder);
    }

    private static JsonElement lookup(JsonObject o, String group, String key) {
        JsonElement g = o.get(group);
        if (g != null && g.isJsonObject() && g.getAsJsonObject().has(key)) {
            return g.getAsJsonObject().get(key);
        }
        return o.get(group + "." + key);
    }

    private static List<String> strings(JsonElement e) {
        List<String> out = new ArrayList<>();
        if (e.isJsonArray()) {
            JsonArray a = e.getAsJsonArray();
            for (JsonElement x : a) {
                if (x.isJsonPrimitive() && !x.getAsString().isBlank()) {
                    out.add(x.getAsString());
                }
            }
        } else if (e.isJsonPrimitive() && !e.getAsString().isBlank()) {
            out.add(e.getAsString());
        }
        return out;
    }

    private static boolean bool(JsonElement e, boolean fallback) {
        if (e instanceof JsonPrimitive p && p.isBoolean()) {
            return p.getAsBoolean();
        }
        if (e instanceof JsonPrimitive p && p.isString()) {
            return switch (p.getAsString().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "on", "yes" -> true;
                case "false", "off", "no" -> false;
                default -> fallback;
            };
        }
        return fallback;
    }

    private static int integer(JsonElement e, int fallback) {
        if (e instanceof JsonPrimitive p && p.isNumber()) {
            return p.getAsInt();
        }
        if (e instanceof JsonPrimitive p && p.isString()) {
            try {
                return Integer.parseInt(p.getAsString().strip());
            } catch (NumberFormatException ignored) {
                return fallback;
            }
        }
        return fallback;
    }
}
