package dev.papernotes.lsp;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Runs a request off the reader thread (blocking it deadlocks LSP4J) and turns failures into
 * clean JSON-RPC errors: a message, never a Java stack trace in {@code data}.
 */
final class Requests {
    private static final Logger LOG = Logger.getLogger(Requests.class.getName());

    interface Work<T> {
        T run(CancelChecker cancel) throws Exception;
    }

    private Requests() {
    }

    /** Where request durations go; set by the session. */
    static volatile Latencies latencies;

    static <T> CompletableFuture<T> async(Executor executor, String method, Work<T> work) {
        return CompletableFutures.computeAsync(executor, cancel -> {
            cancel.checkCanceled();
            long start = System.nanoTime();
            long cpu = Latencies.threadCpuNanos();
            try {
                T result = work.run(cancel);
                Latencies l = latencies;
                if (l != null) {
                    l.record(method, System.nanoTime() - start, cpu < 0 ? -1 : Latencies.threadCpuNanos() - cpu);
                }
                return result;
            } catch (CancellationException | ResponseErrorException e) {
                throw e;
            } catch (OutOfMemoryError e) {
                Session.haltOnOutOfMemory(e);
                throw e;
            } catch (Exception | StackOverflowError e) {
                LOG.log(Level.WARNING, method + " failed", e);
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InternalError,
                        method + " failed: " + forClient(e), null));
            }
        });
    }

    /**
     * Runs {@code next} once {@code gate} completes, without holding a thread meanwhile. Cancelling
     * the answer cancels the work, or keeps it from starting.
     */
    static <A, T> CompletableFuture<T> after(CompletableFuture<A> gate, Function<A, CompletableFuture<T>> next) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        gate.whenComplete((value, failure) -> {
            if (answer.isDone()) {
                return; // cancelled while waiting
            }
            if (failure != null) {
                answer.completeExceptionally(unwrap(failure));
                return;
            }
            CompletableFuture<T> work = next.apply(value);
            answer.whenComplete((v, e) -> {
                if (answer.isCancelled()) {
                    work.cancel(true);
                }
            });
            work.whenComplete((v, e) -> {
                if (e != null) {
                    answer.completeExceptionally(unwrap(e));
                } else {
                    answer.complete(v);
                }
            });
        });
        return answer;
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    static BooleanSupplier cancelled(CancelChecker cancel) {
        return () -> {
            try {
                cancel.checkCanceled();
                return false;
            } catch (CancellationException e) {
                return true;
            }
        };
    }

    /**
     * A failure as an error reply tells it: what went wrong in words, without the Java class names
     * the log keeps ({@link #describe}), from the outermost exception that says something (a
     * wrapper's message holds its cause's).
     */
    static String forClient(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 16; t = t.getCause(), depth++) {
            String m = dev.papernotes.lsp.jsonrpc.ClassNames.removed(t.getMessage());
            if (!m.isEmpty()) {
                return m;
            }
        }
        return "an internal error (the server's log has the details)";
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }
}
