package dev.papernotes.lsp;

import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * The LSP lifecycle, enforced in front of every handler: nothing but {@code initialize} before
 * initialization (-32002), nothing but {@code exit} after {@code shutdown} (-32600), and
 * {@code exit} ends the process with 0 after a shutdown, 1 otherwise. (Handlers' own exceptions
 * are reported by {@link Session#notification}: LSP4J's endpoint catches them before they reach
 * this class.)
 */
final class Lifecycle implements Endpoint {
    private static final Logger LOG = Logger.getLogger(Lifecycle.class.getName());

    enum State {
        STARTED, INITIALIZED, SHUT_DOWN
    }

    private final Endpoint delegate;
    private final IntConsumer exit;
    private final java.util.function.Consumer<String> report;
    private volatile State state = State.STARTED;

    /**
     * @param exit   ends the process with the given status
     * @param report tells the user about a failure (window/logMessage)
     */
    Lifecycle(Endpoint delegate, IntConsumer exit, java.util.function.Consumer<String> report) {
        this.delegate = delegate;
        this.exit = exit;
        this.report = report;
    }

    State state() {
        return state;
    }

    @Override
    public CompletableFuture<?> request(String method, Object parameter) {
        if ("initialize".equals(method)) {
            if (state != State.STARTED) {
                return failed(ResponseErrorCode.InvalidRequest, "initialize was already received");
            }
            CompletableFuture<?> f = delegate.request(method, parameter);
            state = State.INITIALIZED;
            return f;
        }
        if (state == State.STARTED) {
            return failed(ResponseErrorCode.ServerNotInitialized, "the server is not initialized yet");
        }
        if (state == State.SHUT_DOWN) {
            return failed(ResponseErrorCode.InvalidRequest, "the server is shut down; only exit is accepted");
        }
        if ("shutdown".equals(method)) {
            state = State.SHUT_DOWN;
        }
        try {
            return delegate.request(method, parameter);
        } catch (ResponseErrorException e) {
            return CompletableFuture.failedFuture(e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, method + " failed", e);
            return failed(ResponseErrorCode.InternalError, method + " failed: " + Requests.describe(e));
        }
    }

    @Override
    public void notify(String method, Object parameter) {
        if ("exit".equals(method)) {
            exit.accept(state == State.SHUT_DOWN ? 0 : 1);
            return;
        }
        if (state != State.INITIALIZED && !method.startsWith("$/")) {
            LOG.fine("ignoring " + method + " in state " + state);
            return;
        }
        try {
            delegate.notify(method, parameter);
        } catch (Throwable e) {
            Session.haltOnOutOfMemory(e);
            LOG.log(Level.WARNING, method + " failed", e);
            report.accept("papernotes: " + method + " failed: " + Requests.describe(e));
        }
    }

    private static CompletableFuture<?> failed(ResponseErrorCode code, String message) {
        return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(code, message, null)));
    }
}
