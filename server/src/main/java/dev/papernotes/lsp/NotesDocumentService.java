package dev.papernotes.lsp;

import dev.papernotes.features.CodeActionService;
import dev.papernotes.features.CompletionService;
import dev.papernotes.features.CorpusFileDiagnostics;
import dev.papernotes.features.DefinitionService;
import dev.papernotes.features.DocumentLinkService;
import dev.papernotes.features.HoverService;
import dev.papernotes.features.ReferencesService;
import dev.papernotes.workspace.NoteDocument;
import dev.papernotes.workspace.Uris;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * Document sync and the per-document features. Every request captures the document version it
 * was asked about here, on the reader thread, then is answered on the documents executor.
 */
final class NotesDocumentService implements TextDocumentService {
    private final Session session;
    /** A library file is read again this long after the last keystroke (a large .bib takes a moment). */
    private static final long CORPUS_DIAGNOSTICS_DELAY_MS = 400;
    /** Open documents that are not notes (a corpus page, say): tracked only so references work from them. */
    private final Map<String, Integer> otherDocuments = new ConcurrentHashMap<>();

    NotesDocumentService(Session session) {
        this.session = session;
    }

    static boolean isNote(String uri, String languageId) {
        if ("markdown".equalsIgnoreCase(languageId)) {
            return true;
        }
        String u = uri.toLowerCase(java.util.Locale.ROOT);
        return u.endsWith(".md") || u.endsWith(".markdown");
    }

    // ---- sync ----

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        session.notification("textDocument/didOpen", () -> {
            TextDocumentItem item = params.getTextDocument();
            if (!isNote(item.getUri(), item.getLanguageId())) {
                otherDocuments.put(item.getUri(), item.getVersion());
                if (CorpusFileDiagnostics.applies(Uris.toPath(item.getUri()), session.corpusRoots())) {
                    session.corpusDocuments.put(item.getUri(), item.getText() == null ? "" : item.getText());
                    session.scheduleCorpusDiagnostics(item.getUri(), 0);
                }
                return;
            }
            NoteDocument doc = session.workspace.open(item.getUri(), item.getText() == null ? "" : item.getText(),
                    item.getVersion());
            if (doc.tooLarge()) {
                session.warnTooLarge(doc);
            }
            session.scheduleDiagnostics(item.getUri(), 0);
        });
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        session.notification("textDocument/didChange", () -> {
            String uri = params.getTextDocument().getUri();
            String library = session.corpusDocuments.get(uri);
            if (library != null) {
                session.corpusDocuments.put(uri, TextEdits.apply(library, params.getContentChanges()));
                session.scheduleCorpusDiagnostics(uri, CORPUS_DIAGNOSTICS_DELAY_MS);
                return;
            }
            NoteDocument doc = session.workspace.get(uri);
            if (doc == null || !doc.isOpen()) {
                return;
            }
            TextEdits.Applied applied = TextEdits.applyWithCaret(doc.text(), params.getContentChanges());
            Integer version = params.getTextDocument().getVersion();
            session.workspace.change(uri, applied.text(), version == null ? doc.version() + 1 : version);
            session.recordTyping(uri, applied.caret());
            session.scheduleDiagnostics(uri);
        });
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        session.notification("textDocument/didClose", () -> {
            String uri = params.getTextDocument().getUri();
            if (otherDocuments.remove(uri) != null) {
                if (session.corpusDocuments.remove(uri) != null) {
                    session.clearDiagnostics(uri);
                }
                return;
            }
            session.workspace.close(uri);
            session.clearDiagnostics(uri);
        });
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // The editor's text is already current; disk changes of closed notes come through the watcher.
    }

    // ---- features ----

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        NoteDocument doc = session.workspace.get(params.getTextDocument().getUri());
        return Requests.async(session.documents, "completion", cancel -> {
            if (doc == null) {
                return Either.forRight(new CompletionList(true, List.of()));
            }
            try (Session.Context ctx = session.context(session.markdownCompletion)) {
                return Either.forRight(CompletionService.complete(ctx.features(), doc, params.getPosition()));
            }
        });
    }

    @Override
    public CompletableFuture<CompletionItem> resolveCompletionItem(CompletionItem item) {
        return Requests.async(session.documents, "completionItem/resolve", cancel -> {
            try (Session.Context ctx = session.context(session.markdownCompletion)) {
                return CompletionService.resolve(ctx.features(), item);
            }
        });
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        NoteDocument doc = session.workspace.get(params.getTextDocument().getUri());
        return Requests.async(session.documents, "hover", cancel -> {
            if (doc == null) {
                return null;
            }
            try (Session.Context ctx = session.context(session.markdownHover)) {
                return HoverService.hover(ctx.features(), doc, params.getPosition());
            }
        });
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
            DefinitionParams params) {
        NoteDocument doc = session.workspace.get(params.getTextDocument().getUri());
        return Requests.async(session.documents, "definition", cancel -> {
            if (doc == null) {
                return Either.forLeft(List.of());
            }
            try (Session.Context ctx = session.context(true)) {
                List<LocationLink> links = DefinitionService.definition(ctx.features(), doc, params.getPosition());
                if (session.linkSupport) {
                    return Either.forRight(links);
                }
                List<Location> locations = new ArrayList<>();
                for (LocationLink l : links) {
                    locations.add(new Location(l.getTargetUri(), l.getTargetSelectionRange()));
                }
                return Either.forLeft(locations);
            }
        });
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        String uri = params.getTextDocument().getUri();
        NoteDocument doc = session.workspace.get(uri);
        boolean declaration = params.getContext() != null && params.getContext().isIncludeDeclaration();
        return Requests.async(session.workspaceRequests, "references", cancel -> {
            try (Session.Context ctx = session.context(true)) {
                if (doc != null) {
                    return ReferencesService.references(ctx.features(), doc, params.getPosition(), declaration,
                            Requests.cancelled(cancel));
                }
                Path path = Uris.toPath(uri);
                if (path == null || params.getPosition() == null) {
                    return List.of();
                }
                return ReferencesService.referencesFromCorpus(ctx.features(), path, params.getPosition().getLine(),
                        declaration, Requests.cancelled(cancel));
            }
        });
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        NoteDocument doc = session.workspace.get(params.getTextDocument().getUri());
        return Requests.async(session.documents, "codeAction", cancel -> {
            List<Either<Command, CodeAction>> out = new ArrayList<>();
            if (doc == null || params.getContext() == null || params.getContext().getDiagnostics() == null) {
                return out;
            }
            try (Session.Context ctx = session.context(true)) {
                for (CodeAction a : CodeActionService.quickFixes(ctx.features(), doc,
                        params.getContext().getDiagnostics())) {
                    out.add(Either.forRight(a));
                }
            }
            return out;
        });
    }

    @Override
    public CompletableFuture<List<DocumentLink>> documentLink(DocumentLinkParams params) {
        NoteDocument doc = session.workspace.get(params.getTextDocument().getUri());
        return Requests.async(session.documents, "documentLink", cancel -> {
            if (doc == null) {
                return List.of();
            }
            try (Session.Context ctx = session.context(true)) {
                return DocumentLinkService.links(ctx.features(), doc);
            }
        });
    }
}
