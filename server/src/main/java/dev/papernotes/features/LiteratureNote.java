package dev.papernotes.features;

import dev.papernotes.corpus.Author;
import dev.papernotes.corpus.Occurrence;
import dev.papernotes.corpus.PaperMetadata;
import dev.papernotes.index.Paper;
import dev.papernotes.notes.MarkdownLinks;
import dev.papernotes.workspace.NoteWorkspace;
import dev.papernotes.workspace.Uris;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The text of a new note: a title heading, or for a paper a literature note. */
final class LiteratureNote {
    /** Authors listed by name; the rest are "et al." (some papers list hundreds). */
    private static final int MAX_AUTHORS = 10;

    private LiteratureNote() {
    }

    /** A plain note: front matter only when the file name could not keep the name as written. */
    static String plain(String title, List<String> aliases) {
        return frontMatter(null, aliases) + "# " + title + "\n\n";
    }

    /**
     * A literature note for {@code p}, to be stored at {@code file}: its title, citekey, where it comes
     * from (the corpus line, as a link), when it appeared, and the summary of its abstract. This is
     * the one place that decides what a literature note holds; a library paper adds its authors, date,
     * venue, DOI and arXiv id.
     */
    static String render(FeatureContext ctx, Paper p, Path file, List<String> aliases) {
        StringBuilder sb = new StringBuilder();
        sb.append(frontMatter(p.citekey(), aliases));
        sb.append("# ").append(p.title()).append("\n\n");
        List<String> facts = new ArrayList<>();
        if (!p.methods().isEmpty()) {
            facts.add("- Names: " + String.join(", ", p.methods()));
        }
        facts.add("- Citekey: [@" + p.citekey() + "]");
        PaperMetadata m = p.metadata();
        if (!m.authors().isEmpty()) {
            List<String> names = m.authors().stream().limit(MAX_AUTHORS).map(Author::display).toList();
            boolean more = m.moreAuthors() || m.authors().size() > MAX_AUTHORS;
            facts.add("- Authors: " + String.join(", ", names) + (more ? ", et al." : ""));
        }
        if (!m.date().isEmpty() || !m.year().isEmpty()) {
            facts.add("- Date: " + (m.date().isEmpty() ? m.year() : m.date()));
        }
        if (!m.venue().isEmpty()) {
            facts.add("- Venue: " + m.venue());
        }
        if (!m.doi().isEmpty()) {
            facts.add("- DOI: [" + m.doi() + "](https://doi.org/" + HoverService.urlPath(m.doi()) + ")");
        }
        if (!m.arxivId().isEmpty()) {
            facts.add("- arXiv: [" + m.arxivId() + "](https://arxiv.org/abs/" + HoverService.urlPath(m.arxivId()) + ")");
        }
        Occurrence source = p.occurrences().stream().filter(ctx::inCorpus).findFirst().orElse(null);
        if (source != null) {
            String label = source.file().getFileName() + ", line " + source.line();
            facts.add("- Source: [" + label + "](" + sourceLink(ctx.workspace(), file, source) + ")"
                    + (source.date().isEmpty() ? "" : " (" + source.date() + ")"));
        }
        for (String f : facts) {
            sb.append(f).append('\n');
        }
        String summary = Summaries.summarize(p.abstractText(), p.methods());
        sb.append("\n## Summary\n\n").append(summary.isEmpty() ? "(no abstract in the corpus)" : summary).append("\n\n");
        sb.append("## Notes\n\n");
        return sb.toString();
    }

    /** The corpus file, relative to the note when both are in one workspace folder, else as a file URI. */
    private static String sourceLink(NoteWorkspace ws, Path note, Occurrence o) {
        Path root = ws.rootOf(note);
        String fragment = "#L" + o.line();
        if (root != null && o.file().startsWith(root)) {
            return MarkdownLinks.encode(note.getParent().relativize(o.file()).toString().replace('\\', '/')) + fragment;
        }
        return Uris.fromPath(o.file()) + fragment;
    }

    private static String frontMatter(String citekey, List<String> aliases) {
        if (citekey == null && aliases.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("---\n");
        if (citekey != null) {
            sb.append("citekey: ").append(yamlString(citekey)).append('\n');
        }
        if (!aliases.isEmpty()) {
            sb.append("aliases:\n");
            for (String a : aliases) {
                sb.append("  - ").append(yamlString(a)).append('\n');
            }
        }
        return sb.append("---\n\n").toString();
    }

    /** A YAML double-quoted scalar. */
    static String yamlString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < ' ') {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
