package dev.papernotes.lsp;

import dev.papernotes.features.CodeActionService;
import dev.papernotes.features.CreateNoteAction;
import dev.papernotes.features.RenameService;
import dev.papernotes.features.CompletionService;
import dev.papernotes.features.CorpusFileDiagnostics;
import dev.papernotes.features.DefinitionService;
import dev.papernotes.features.DocumentLinkService;
import dev.papernotes.features.DocumentSymbolService;
import dev.papernotes.features.FoldingService;
import dev.papernotes.features.InlayHintService;
import dev.papernotes.features.SemanticTokensService;
import dev.papernotes.features.HoverService;
import dev.papernotes.features.MentionActionService;
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
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SemanticTokensRangeParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
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
            TextEdits.Applied applied = TextEdits.applyWithCaret(doc.text(), doc.lines(), params.getContentChanges());
            Integer version = params.getTextDocument().getVersion();
            session.workspace.change(uri, applied.text(), applied.lines(), version == null ? doc.version() + 1 : version);
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

    /**
     * How long a completion asked while the index is first built waits for it. Tests on a loaded
     * machine set {@code papernotes.completion.indexWaitMs} (read per request) to wait longer or less.
     */
    static final long COMPLETION_WAITS_FOR_INDEX_MS = 3000;

    private static long completionWaitMs() {
        return Long.getLong("papernotes.completion.indexWaitMs", COMPLETION_WAITS_FOR_INDEX_MS);
    }

    /**
     * Asked while the index is first being built, a completion waits for it (bounded, holding no
     * thread) rather than answer an empty list the editor would show as "no suggestions". If the
     * index is still not there, the answer is empty and incomplete, and a client that can re-ask is
     * told when to.
     */
    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        NoteDocument doc = session.workspace.get(params.getTextDocument().getUri());
        CompletableFuture<Boolean> ready = doc == null ? CompletableFuture.completedFuture(true)
                : session.indexReady(completionWaitMs());
        return Requests.after(ready, indexed -> Requests.async(session.documents, "completion", cancel -> {
            if (doc == null) {
                return Either.forRight(new CompletionList(true, List.of()));
            }
            if (!indexed && session.indexLoading()) {
                session.completionRefreshWanted(doc.uri(), params.getPosition());
                return Either.forRight(new CompletionList(true, List.of()));
            }
            try (Session.Context ctx = session.context(session.markdownCompletion)) {
                return Either.forRight(CompletionService.complete(ctx.features(), doc, params.getPosition()));
            }
        }));
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
            if (doc == null) {
                return out;
            }
            List<org.eclipse.lsp4j.Diagnostic> diagnostics = params.getContext() == null
                    || params.getContext().getDiagnostics() == null ? List.of() : params.getContext().getDiagnostics();
            List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
            try (Session.Context ctx = session.context(true)) {
                List<CodeAction> all = new ArrayList<>();
                all.addAll(CodeActionService.quickFixes(ctx.features(), doc, diagnostics));
                all.addAll(CreateNoteAction.actions(ctx.features(), doc, params.getRange(), diagnostics, session.edits));
                if (params.getRange() != null) {
                    all.addAll(MentionActionService.actions(ctx.features(), doc, params.getRange()));
                }
                for (CodeAction a : all) {
                    if (wanted(a, only)) {
                        out.add(Either.forRight(a));
                    }
                }
            }
            return out;
        });
    }

    /** Whether the client asked for this kind of action ({@code only} lists kinds and their parents). */
    private static boolean wanted(CodeAction a, List<String> only) {
        if (only == null || only.isEmpty() || a.getKind() == null) {
            return true;
        }
        for (String k : only) {
            if (a.getKind().equals(k) || a.getKind().startsWith(k + ".")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
        NoteDocument doc = session.workspace.get(params.getTextDocument().getUri());
        return Requests.async(session.documents, "inlayHint", cancel -> {
            if (doc == null) {
                return List.of();
            }
            try (Session.Context ctx = session.context(session.markdownHover)) {
                return InlayHintService.hints(ctx.features(), doc, params.getRange());
            }
        });
    }

    @Override
    public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(
            PrepareRenameParams params) {
        NoteDocument doc = session.workspace.get(params.getTextDocument().getUri());
        return Requests.async(session.documents, "prepareRename", cancel -> {
            if (doc == null) {
                return null;
            }
            try (Session.Context ctx = session.context(true)) {
                PrepareRenameResult r = RenameService.prepare(ctx.features(), doc, params.getPosition());
                return r == null ? null : Either3.forSecond(r);
            } catch (RenameService.Refusal e) {
                throw refused(e);
            }
        });
    }

    @Override
    public CompletableFuture<InlayHint> resolveInlayHint(InlayHint hint) {
        return Requests.async(session.documents, "inlayHint/resolve", cancel -> {
            try (Session.Context ctx = session.context(session.markdownHover)) {
                return InlayHintService.resolve(ctx.features(), hint);
            }
        });
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
            DocumentSymbolParams params) {
        String uri = params.getTextDocument().getUri();
        NoteDocument doc = session.workspace.get(uri);
        return Requests.async(session.documents, "documentSymbol", cancel -> {
            List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
            if (doc == null) {
                return out;
            }
            List<DocumentSymbol> symbols = DocumentSymbolService.symbols(doc);
            if (session.hierarchicalSymbols) {
                symbols.forEach(s -> out.add(Either.forRight(s)));
            } else {
                DocumentSymbolService.flat(uri, symbols).forEach(s -> out.add(Either.forLeft(s)));
            }
            return out;
        });
    }

    @Override
    public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
        NoteDocument doc = session.workspace.get(params.getTextDocument().getUri());
        return Requests.async(session.documents, "foldingRange", cancel ->
                doc == null ? List.of() : FoldingService.ranges(doc, session.foldingRangeLimit));
    }

    @Override
    public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
        NoteDocument doc = session.workspace.get(params.getTextDocument().getUri());
        return Requests.async(session.documents, "semanticTokens/full", cancel -> semanticTokens(doc, null));
    }

    @Override
    public CompletableFuture<SemanticTokens> semanticTokensRange(SemanticTokensRangeParams params) {
        NoteDocument doc = session.workspace.get(params.getTextDocument().getUri());
        return Requests.async(session.documents, "semanticTokens/range",
                cancel -> semanticTokens(doc, params.getRange()));
    }

    private SemanticTokens semanticTokens(NoteDocument doc, org.eclipse.lsp4j.Range range) throws java.io.IOException {
        if (doc == null) {
            return new SemanticTokens(List.of());
        }
        try (Session.Context ctx = session.context(true)) {
            return SemanticTokensService.tokens(ctx.features(), doc, range);
        }
    }

    @Override
    public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
        NoteDocument doc = session.workspace.get(params.getTextDocument().getUri());
        return Requests.async(session.workspaceRequests, "rename", cancel -> {
            if (doc == null) {
                return null;
            }
            try (Session.Context ctx = session.context(true)) {
                RenameService.Result r = RenameService.rename(ctx.features(), doc, params.getPosition(),
                        params.getNewName(), session.edits);
                if (r.renamedFrom() != null) {
                    session.rememberOwnRename(r.renamedFrom(), r.renamedTo());
                }
                if (r.message() != null && session.client != null) {
                    session.client.showMessage(new MessageParams(MessageType.Warning, r.message()));
                }
                return r.edit();
            } catch (RenameService.Refusal e) {
                throw refused(e);
            }
        });
    }

    /** A rename that cannot be done: the editor shows the message. */
    private static ResponseErrorException refused(RenameService.Refusal e) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestFailed, e.getMessage(), null));
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
