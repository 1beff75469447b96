package dev.papernotes.lsp;

import com.google.gson.JsonObject;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.services.LanguageClient;

/** The client as the server speaks to it: LSP, and the one notification of papernotes' own. */
public interface PapernotesClient extends LanguageClient {
    /**
     * A completion at {@code textDocument}/{@code position} was answered empty because the index was
     * still loading; it is ready now. LSP has no request to refresh a completion list, so a client
     * that announced {@code experimental.papernotesCompletionRefresh} gets this and asks again.
     */
    @JsonNotification("papernotes/completionRefresh")
    void completionRefresh(JsonObject params);
}
