package dev.papernotes.features;

import dev.papernotes.corpus.Occurrence;
import dev.papernotes.index.Paper;
import dev.papernotes.notes.NoteModel;
import dev.papernotes.workspace.LinkTarget;
import dev.papernotes.workspace.NoteAnalysis;
import dev.papernotes.workspace.NoteDocument;
import dev.papernotes.workspace.PaperRef;
import dev.papernotes.workspace.Uris;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;

/**
 * Every place in the workspace's notes (opened or not) that refers to a paper — wiki link,
 * citation or bare mention — or, for a note link, to that note.
 */
public final class ReferencesService {
    private ReferencesService() {
    }

    /**
     * References of what is at {@code position} in a note.
     *
     * @param cancelled checked between notes, so a cancelled request stops early
     */
    public static List<Location> references(FeatureContext ctx, NoteDocument doc, Position position,
            boolean includeDeclaration, BooleanSupplier cancelled) throws IOException {
        NoteAnalysis analysis = ctx.analysis(doc);
        int offset = Ranges.offset(doc.model().lines(), position);
        PaperRef ref = analysis.refAt(offset);
        List<Location> out = new ArrayList<>();
        if (ref != null && !ref.paperIds().isEmpty()) {
            out.addAll(paperReferences(ctx, Set.copyOf(ref.paperIds()), includeDeclaration, cancelled));
        }
        NoteModel.Link link = doc.model().linkAt(offset);
        if (link != null) {
            LinkTarget target = ctx.workspace().resolve(doc, link);
            NoteDocument note = target.via() == LinkTarget.Via.SELF ? doc : ctx.workspace().noteAt(target.best());
            if (note != null) {
                out.addAll(noteReferences(ctx, note, cancelled));
            }
        }
        return dedupe(out);
    }

    /** References of the paper whose title is on {@code line} (0-based) of a corpus file. */
    public static List<Location> referencesFromCorpus(FeatureContext ctx, Path corpusFile, int line,
            boolean includeDeclaration, BooleanSupplier cancelled) throws IOException {
        Paper p = paperAt(ctx, corpusFile, line + 1);
        if (p == null) {
            return List.of();
        }
        return dedupe(paperReferences(ctx, Set.of(p.id()), includeDeclaration, cancelled));
    }

    /** The paper with an occurrence on {@code oneBasedLine} of {@code file}, or null. */
    static Paper paperAt(FeatureContext ctx, Path file, int oneBasedLine) throws IOException {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            return null;
        }
        if (!dev.papernotes.corpus.CorpusFiles.within(real, ctx.corpusRoots())) {
            return null;
        }
        for (Paper p : ctx.index().inFile(real)) {
            for (Occurrence o : p.occurrences()) {
                if (o.file().equals(real) && o.line() == oneBasedLine) {
                    return p;
                }
            }
        }
        return null;
    }

    static List<Location> paperReferences(FeatureContext ctx, Set<String> ids, boolean includeDeclaration,
            BooleanSupplier cancelled) throws IOException {
        List<Location> out = new ArrayList<>();
        if (includeDeclaration) {
            for (String id : ids.stream().limit(DefinitionService.MAX_PAPERS).toList()) {
                Paper p = ctx.index().getWithoutAbstract(id);
                if (p == null) {
                    continue;
                }
                for (Occurrence o : p.occurrences()) {
                    if (ctx.inCorpus(o)) {
                        out.add(new Location(Uris.fromPath(o.file()), Ranges.line(o.line() - 1, p.title().length())));
                    }
                }
            }
        }
        // Only notes known to mention one of the papers, and notes not analysed yet, are read.
        Set<String> mentioning = new java.util.HashSet<>();
        for (String id : ids) {
            mentioning.addAll(ctx.workspace().notesMentioning(id));
        }
        List<NoteDocument> candidates = new ArrayList<>();
        for (NoteDocument d : ctx.workspace().linkable()) {
            if (mentioning.contains(d.uri()) || !ctx.workspace().isAnalyzed(d, ctx.index())) {
                candidates.add(d);
            }
        }
        candidates.sort(Comparator.comparing(NoteDocument::uri));
        for (NoteDocument d : candidates) {
            if (cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException();
            }
            NoteAnalysis a = ctx.analysis(d);
            for (PaperRef r : a.refs()) {
                if (refersToAny(r, ids)) {
                    out.add(new Location(d.uri(), Ranges.of(d.model().lines(), r.span())));
                }
            }
        }
        return out;
    }

    private static boolean refersToAny(PaperRef r, Set<String> ids) {
        List<String> refIds = r.paperIds();
        if (refIds.size() <= ids.size()) {
            for (String id : refIds) {
                if (ids.contains(id)) {
                    return true;
                }
            }
            return false;
        }
        for (String id : ids) {
            if (refIds.contains(id)) {
                return true;
            }
        }
        return false;
    }

    /** Every link to {@code target} (wiki link, embed or Markdown link) in the workspace's notes. */
    static List<Location> noteReferences(FeatureContext ctx, NoteDocument target, BooleanSupplier cancelled) {
        List<Location> out = new ArrayList<>();
        List<NoteDocument> sources = new ArrayList<>(ctx.workspace().mayLinkTo(target));
        if (!sources.contains(target)) {
            sources.add(target);
        }
        sources.sort(Comparator.comparing(NoteDocument::uri));
        for (NoteDocument d : sources) {
            if (cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException();
            }
            for (NoteModel.Link l : d.model().links()) {
                if (l.target().isEmpty()) {
                    continue;
                }
                LinkTarget t = ctx.workspace().resolve(d, l);
                if (t.found() && t.best().equals(target.path())) {
                    out.add(new Location(d.uri(), Ranges.of(d.model().lines(), l.targetSpan())));
                }
            }
        }
        return out;
    }

    private static List<Location> dedupe(List<Location> in) {
        // Keyed by numbers, not by Range.toString(): tens of thousands of locations are normal.
        Set<LocationKey> seen = new java.util.HashSet<>();
        List<Location> out = new ArrayList<>();
        for (Location l : in) {
            var r = l.getRange();
            if (seen.add(new LocationKey(l.getUri(), r.getStart().getLine(), r.getStart().getCharacter(),
                    r.getEnd().getLine(), r.getEnd().getCharacter()))) {
                out.add(l);
            }
        }
        return out;
    }

    private record LocationKey(String uri, int startLine, int startCharacter, int endLine, int endCharacter) {
    }
}
