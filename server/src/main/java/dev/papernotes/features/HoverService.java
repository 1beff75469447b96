package dev.papernotes.features;

import dev.papernotes.corpus.CorpusFormat;
import dev.papernotes.corpus.Occurrence;
import dev.papernotes.corpus.PaperMetadata;
import dev.papernotes.index.Paper;
import dev.papernotes.index.PaperHeader;
import dev.papernotes.workspace.NoteAnalysis;
import dev.papernotes.workspace.NoteDocument;
import dev.papernotes.workspace.PaperRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;

/**
 * Hover on a recognised mention: what the paper is, what it did, where it appeared, what it is
 * related to and how many notes mention it.
 */
public final class HoverService {
    private static final int RELATED = 3;
    private static final int MAX_AMBIGUOUS = 5;

    private HoverService() {
    }

    public static Hover hover(FeatureContext ctx, NoteDocument doc, Position position) throws IOException {
        NoteAnalysis analysis = ctx.analysis(doc);
        int offset = Ranges.offset(doc.model().lines(), position);
        PaperRef ref = analysis.refAt(offset);
        if (ref == null) {
            return null;
        }
        List<Paper> papers = new ArrayList<>();
        for (String id : ref.paperIds().subList(0, Math.min(MAX_AMBIGUOUS, ref.paperIds().size()))) {
            Paper p = ctx.index().get(id);
            if (p != null) {
                papers.add(p);
            }
        }
        String body;
        if (papers.isEmpty()) {
            if (ctx.index().isEmpty()) {
                return null; // not indexed yet: "no such paper" would be wrong
            }
            if (ref.kind() == PaperRef.Kind.WIKI_LINK && (doc.model().linkAt(ref.span().start()) == null
                    || ctx.workspace().resolve(doc, doc.model().linkAt(ref.span().start())).found())) {
                return null; // a note or file link: the editor's own preview is better than anything we could say
            }
            body = ctx.markdown()
                    ? "No paper named " + Markdown.code(ref.written()) + " in the corpus."
                    : "No paper named \"" + ref.written() + "\" in the corpus.";
        } else if (!ref.ambiguous()) {
            body = describe(ctx, papers.get(0), true);
        } else {
            StringBuilder sb = new StringBuilder();
            sb.append(ref.paperCount()).append(" papers are called ")
                    .append(ctx.markdown() ? Markdown.code(ref.written()) : "\"" + ref.written() + "\"")
                    .append(":\n\n");
            for (Paper p : papers) {
                sb.append(describe(ctx, p, false)).append("\n\n---\n\n");
            }
            if (ref.paperCount() > papers.size()) {
                sb.append("…and ").append(ref.paperCount() - papers.size()).append(" more.");
            }
            body = sb.toString().strip();
        }
        Hover h = new Hover(new MarkupContent(ctx.markdown() ? MarkupKind.MARKDOWN : MarkupKind.PLAINTEXT, body));
        h.setRange(Ranges.of(doc.model().lines(), ref.span()));
        return h;
    }

    /** The hover text of one paper; also the documentation of its completion item. */
    public static String describe(FeatureContext ctx, Paper p, boolean full) throws IOException {
        boolean md = ctx.markdown();
        StringBuilder sb = new StringBuilder();
        sb.append(md ? "**" + Markdown.escape(p.title()) + "**" : p.title()).append("\n\n");
        String who = authorsYearVenue(p.metadata(), md);
        if (!who.isEmpty()) {
            sb.append(who).append("\n\n");
        }
        List<String> facts = new ArrayList<>();
        if (!p.methods().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (String m : p.methods()) {
                names.add(md ? Markdown.escape(m) : m);
            }
            facts.add((md ? "*Names:* " : "Names: ") + String.join(", ", names));
        }
        facts.add((md ? "*Citekey:* " + Markdown.code("@" + p.citekey()) : "Citekey: @" + p.citekey()));
        facts.addAll(identifierLinks(p.metadata(), md));
        sb.append(String.join(md ? " · " : " | ", facts)).append("\n\n");
        String summary = Summaries.summarize(p.abstractText(), p.methods());
        if (!summary.isEmpty()) {
            sb.append(md ? Markdown.escape(summary) : summary).append("\n\n");
        } else {
            sb.append(md ? "*No abstract in the corpus.*" : "No abstract in the corpus.").append("\n\n");
        }
        List<String> pages = new ArrayList<>();
        for (Occurrence o : p.occurrences()) {
            if (!ctx.inCorpus(o)) {
                continue;
            }
            String where = o.file().getFileName() + ":" + o.line();
            String kind = sourceKind(o);
            String date = !o.date().isEmpty() ? o.date() + " (" + where + ")"
                    : kind.isEmpty() ? where : where + " (" + kind + ")";
            pages.add(md ? Markdown.escape(date) : date);
        }
        if (!pages.isEmpty()) {
            sb.append(md ? "*Appeared:* " : "Appeared: ").append(String.join(", ", pages)).append("\n\n");
        }
        if (full) {
            List<PaperHeader> related = ctx.index().related(p, RELATED);
            if (!related.isEmpty()) {
                List<String> names = new ArrayList<>();
                for (PaperHeader r : related) {
                    String label = r.label().equals(r.title()) ? r.title() : r.label() + " — " + r.title();
                    names.add(md ? Markdown.escape(label) : label);
                }
                sb.append(md ? "*Related:* " : "Related: ").append(String.join("; ", names)).append("\n\n");
            }
        }
        int notes = ctx.workspace().notesMentioning(p.id()).size();
        sb.append(md ? "*Mentioned in " + notes + (notes == 1 ? " note*" : " notes*")
                : "Mentioned in " + notes + (notes == 1 ? " note" : " notes"));
        return sb.toString().strip();
    }

    private static final int AUTHORS_SHOWN = 3;
    private static final java.util.regex.Pattern CITEKEY_SHAPE = java.util.regex.Pattern.compile(
            "[\\p{L}_][\\p{L}\\p{N}_:.#$%&+?<>~-]*");

    /** {@code Ashish Vaswani, Noam Shazeer, Niki Parmar et al. · 2017 · Venue}, or empty for pages. */
    static String authorsYearVenue(PaperMetadata m, boolean md) {
        List<String> parts = new ArrayList<>();
        if (!m.authors().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < Math.min(AUTHORS_SHOWN, m.authors().size()); i++) {
                String name = m.authors().get(i).display();
                names.add(md ? Markdown.escape(name) : name);
            }
            boolean more = m.authors().size() > AUTHORS_SHOWN || m.moreAuthors();
            parts.add(String.join(", ", names) + (more ? " et al." : ""));
        }
        if (!m.year().isEmpty()) {
            parts.add(m.year());
        }
        if (!m.venue().isEmpty()) {
            parts.add(md ? "*" + Markdown.escape(m.venue()) + "*" : m.venue());
        }
        return String.join(md ? " · " : " | ", parts);
    }

    /** The DOI and the arXiv id as links a reader can follow (plain URLs without Markdown). */
    static List<String> identifierLinks(PaperMetadata m, boolean md) {
        List<String> out = new ArrayList<>();
        if (!m.doi().isEmpty()) {
            String url = "https://doi.org/" + urlPath(m.doi());
            out.add(md ? "[doi:" + Markdown.escape(m.doi()) + "](" + url + ")" : "DOI: " + url);
        }
        if (!m.arxivId().isEmpty()) {
            String url = "https://arxiv.org/abs/" + urlPath(m.arxivId());
            out.add(md ? "[arXiv:" + Markdown.escape(m.arxivId()) + "](" + url + ")" : "arXiv: " + url);
        }
        return out;
    }

    /** Percent-encodes all but unreserved characters and {@code /}: a DOI may hold {@code ()<> }. */
    static String urlPath(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }

    /** Where a library occurrence came from: {@code BibTeX @key}, {@code CSL-JSON}, {@code arXiv 1706.03762}. */
    private static String sourceKind(Occurrence o) {
        if (o.handle().isEmpty()) {
            return "";
        }
        CorpusFormat f = CorpusFormat.byExtension(o.file());
        if (f == null) {
            return "";
        }
        return switch (f) {
            case BIBTEX -> "BibTeX @" + o.handle();
            case CSL_JSON, CSL_YAML -> f.label() + (CITEKEY_SHAPE.matcher(o.handle()).matches() ? " @" + o.handle() : "");
            case ARXIV_JSONL -> "arXiv " + o.handle();
            case DAILY_PAGES -> "";
        };
    }
}
