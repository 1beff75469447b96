package dev.papernotes.index;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.papernotes.corpus.Author;
import dev.papernotes.corpus.CorpusEntry;
import dev.papernotes.corpus.Occurrence;
import dev.papernotes.corpus.PaperMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * Stored forms of library metadata: the paper's merged metadata as compact JSON, and each source
 * as the difference from the paper (nothing at all for a paper found once), so that a paper can be
 * merged again from its sources when one of them changes, without keeping every source twice.
 */
final class MetadataCodec {
    private MetadataCodec() {
    }

    static String encode(PaperMetadata m) {
        return m.isEmpty() ? "" : toJson(m).toString();
    }

    static PaperMetadata decode(String json) {
        if (json == null || json.isEmpty()) {
            return PaperMetadata.NONE;
        }
        return fromJson(JsonParser.parseString(json).getAsJsonObject());
    }

    private static JsonObject toJson(PaperMetadata m) {
        JsonObject o = new JsonObject();
        if (!m.authors().isEmpty()) {
            JsonArray au = new JsonArray();
            for (Author a : m.authors()) {
                JsonArray one = new JsonArray();
                one.add(a.family());
                if (!a.given().isEmpty()) {
                    one.add(a.given());
                }
                au.add(one);
            }
            o.add("au", au);
        }
        if (m.moreAuthors()) {
            o.addProperty("more", true);
        }
        put(o, "y", m.year());
        put(o, "dt", m.date());
        put(o, "v", m.venue());
        put(o, "doi", m.doi());
        put(o, "ax", m.arxivId());
        put(o, "url", m.url());
        if (!m.keywords().isEmpty()) {
            JsonArray kw = new JsonArray();
            m.keywords().forEach(kw::add);
            o.add("kw", kw);
        }
        put(o, "k", m.key());
        return o;
    }

    private static PaperMetadata fromJson(JsonObject o) {
        List<Author> authors = new ArrayList<>();
        if (o.has("au")) {
            for (JsonElement a : o.getAsJsonArray("au")) {
                JsonArray one = a.getAsJsonArray();
                authors.add(new Author(one.get(0).getAsString(), one.size() > 1 ? one.get(1).getAsString() : ""));
            }
        }
        List<String> keywords = new ArrayList<>();
        if (o.has("kw")) {
            for (JsonElement k : o.getAsJsonArray("kw")) {
                keywords.add(k.getAsString());
            }
        }
        return new PaperMetadata(authors, o.has("more"), get(o, "y"), get(o, "dt"), get(o, "v"), get(o, "doi"),
                get(o, "ax"), get(o, "url"), keywords, get(o, "k"));
    }

    /** A source as it differs from its paper: empty when it says exactly what the paper says. */
    static String encodeSource(CorpusEntry source, String title, String abstractText, PaperMetadata paper) {
        if (source.title().equals(title) && source.abstractText().equals(abstractText)
                && source.metadata().equals(paper)) {
            return ""; // the common case, a paper found once: nothing to say
        }
        JsonObject o = new JsonObject();
        if (!source.title().equals(title)) {
            o.addProperty("t", source.title());
        }
        if (!source.abstractText().equals(abstractText)) {
            o.addProperty("a", source.abstractText());
        }
        if (!source.metadata().equals(paper)) {
            if (source.metadata().isEmpty()) {
                o.addProperty("m", 0);
            } else {
                o.add("m", toJson(source.metadata()));
            }
        }
        return o.size() == 0 ? "" : o.toString();
    }

    static CorpusEntry decodeSource(String stored, Occurrence occurrence, String title, String abstractText,
            PaperMetadata paper) {
        if (stored == null || stored.isEmpty()) {
            return new CorpusEntry(title, abstractText, occurrence, paper);
        }
        JsonObject o = JsonParser.parseString(stored).getAsJsonObject();
        String t = o.has("t") ? o.get("t").getAsString() : title;
        String a = o.has("a") ? o.get("a").getAsString() : abstractText;
        PaperMetadata m = paper;
        if (o.has("m")) {
            JsonElement me = o.get("m");
            m = me.isJsonObject() ? fromJson(me.getAsJsonObject()) : PaperMetadata.NONE;
        }
        return new CorpusEntry(t, a, occurrence, m);
    }

    /** What a source says, hashed: an entry that hashes the same as before has not changed. */
    static long contentHash(CorpusEntry e) {
        String m = e.metadata().isEmpty() ? "" : toJson(e.metadata()).toString();
        return LongIntTable.hash(e.title() + "\u0000" + e.abstractText() + "\u0000" + m);
    }

    private static void put(JsonObject o, String name, String value) {
        if (!value.isEmpty()) {
            o.addProperty(name, value);
        }
    }

    private static String get(JsonObject o, String name) {
        return o.has(name) ? o.get(name).getAsString() : "";
    }
}
