package dev.papernotes.lsp.jsonrpc;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

import com.google.gson.JsonObject;

/** A minimal server: initialize/shutdown, {@code test/echo} returns its params, {@code test/note} is recorded. */
public class EchoServer implements LanguageServer {
    final List<JsonObject> notes = new CopyOnWriteArrayList<>();

    @JsonRequest("test/echo")
    public CompletableFuture<JsonObject> echo(JsonObject params) {
        // Completed futures answer on the reader thread, so a transcript's answers are all written
        // by the time listening ends.
        return CompletableFuture.completedFuture(params);
    }

    @JsonNotification("test/note")
    public void note(JsonObject params) {
        notes.add(params);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        return CompletableFuture.completedFuture(new InitializeResult(new ServerCapabilities()));
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return null;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return null;
    }
}
