package dev.papernotes.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import dev.papernotes.lsp.jsonrpc.DirectMessageConsumer;
import dev.papernotes.lsp.jsonrpc.LspLauncher;
import dev.papernotes.lsp.jsonrpc.UninterruptedOutput;
import org.eclipse.lsp4j.services.LanguageClient;

/** Runs the language server on a pair of streams until the client says exit or goes away. */
public final class LanguageServerMain {
    private static final Logger LOG = Logger.getLogger(LanguageServerMain.class.getName());

    /**
     * Larger messages are refused unread: a note that size would not fit a small heap once
     * decoded, and no real note comes near it.
     */
    static final long MAX_MESSAGE_BYTES = 32L << 20;

    private LanguageServerMain() {
    }

    /**
     * Serves LSP on the process's stdin/stdout. Stdout is kept for the protocol alone: anything
     * else that prints goes to stderr.
     */
    public static int run(InputStream in) {
        LOG.info(runtimeSummary());
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            Session.haltOnOutOfMemory(e);
            LOG.log(Level.SEVERE, "uncaught in " + thread.getName(), e);
        });
        // The real stdout, unbuffered and not a PrintStream (which would swallow write errors).
        OutputStream protocol = new java.io.FileOutputStream(java.io.FileDescriptor.out);
        System.setOut(System.err);
        return serve(in, protocol, status -> {
            System.out.flush();
            Runtime.getRuntime().halt(status);
        });
    }

    /**
     * Serves LSP on {@code in}/{@code out}; returns the exit status when the input ends.
     *
     * @param exit called on {@code exit} (and when the client process is gone)
     */
    public static int serve(InputStream in, OutputStream out, IntConsumer exit) {
        AtomicInteger status = new AtomicInteger(1);
        IntConsumer onExit = s -> {
            status.set(s);
            exit.accept(s);
        };
        PapernotesLanguageServer server = new PapernotesLanguageServer(onExit);
        ExecutorService reader = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "papernotes-jsonrpc");
            t.setDaemon(true);
            return t;
        });
        Lifecycle[] lifecycle = new Lifecycle[1];
        Launcher<LanguageClient> launcher = new GuardedBuilder(server, onExit, lifecycle)
                .setLocalService(server)
                .setRemoteInterface(PapernotesClient.class)
                .setInput(in)
                .setOutput(new UninterruptedOutput(out))
                .setExecutorService(reader)
                .setExceptionHandler(LanguageServerMain::errorWithoutStackTrace)
                .setMaxContentLength(MAX_MESSAGE_BYTES)
                .configureGson(gson -> gson.registerTypeAdapterFactory(new CompletionItemJson()))
                .create();
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        try {
            listening.get();
        } catch (Exception e) {
            LOG.log(Level.FINE, "input ended", e);
        }
        // Input closed: the client is gone. Exit as if told to, without waiting for anything.
        int code = lifecycle[0] != null && lifecycle[0].state() == Lifecycle.State.SHUT_DOWN ? 0 : 1;
        server.session().shutdown();
        reader.shutdownNow();
        onExit.accept(code);
        return status.get();
    }

    /** Above this maximum heap the JVM was most likely started without the launchers' flags. */
    private static final long UNBOUNDED_HEAP_BYTES = 1L << 30;

    /**
     * The heap this JVM runs with and the flags it was started with, for the log: memory as the
     * editor launched the server is what users see, and a launcher without the flags shows here.
     * Reads the command line from the OS, not JMX, which would load a hundred classes at start.
     */
    static String runtimeSummary() {
        Runtime rt = Runtime.getRuntime();
        List<String> flags = new ArrayList<>();
        ProcessHandle.current().info().arguments().ifPresent(args -> {
            for (String a : args) {
                if (a.equals("-jar") || a.equals("-cp") || a.equals("-classpath")) {
                    break;
                }
                if (a.startsWith("-X")) {
                    flags.add(a);
                }
            }
        });
        String summary = String.format(java.util.Locale.ROOT,
                "papernotes: Java %s, heap %d MB committed of at most %d MB, %d processors; JVM flags: %s",
                Runtime.version(), rt.totalMemory() >> 20, rt.maxMemory() >> 20, rt.availableProcessors(),
                flags.isEmpty() ? "none" : String.join(" ", flags));
        if (rt.maxMemory() > UNBOUNDED_HEAP_BYTES && flags.stream().noneMatch(f -> f.startsWith("-Xmx"))) {
            summary += " (no -Xmx: the JVM may take a quarter of the machine's memory; start the server with"
                    + " scripts/papernotes or the flags in the README)";
        }
        return summary;
    }

    /** LSP4J would put the Java stack trace in the error's data; the client needs only the message. */
    private static ResponseError errorWithoutStackTrace(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.lang.reflect.InvocationTargetException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof org.eclipse.lsp4j.jsonrpc.ResponseErrorException re) {
            return re.getResponseError();
        }
        LOG.log(Level.WARNING, "request failed", t);
        return new ResponseError(ResponseErrorCode.InternalError, "internal error: " + Requests.forClient(t), null);
    }

    /**
     * LSP4J's launcher with input read by {@link dev.papernotes.lsp.jsonrpc.SafeMessageProducer} and
     * the lifecycle guard in front of the server's endpoint.
     */
    private static final class GuardedBuilder extends LspLauncher.Builder<LanguageClient> {
        private final PapernotesLanguageServer server;
        private final IntConsumer exit;
        private final Lifecycle[] holder;

        GuardedBuilder(PapernotesLanguageServer server, IntConsumer exit, Lifecycle[] holder) {
            this.server = server;
            this.exit = exit;
            this.holder = holder;
        }

        @Override
        protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler jsonHandler) {
            var outgoing = wrapMessageConsumer(new DirectMessageConsumer(output, jsonHandler));
            Endpoint local = ServiceEndpoints.toEndpoint(localServices);
            java.util.function.Consumer<String> report = message -> {
                LanguageClient c = server.session().client;
                if (c != null) {
                    c.logMessage(new MessageParams(MessageType.Error, message));
                }
            };
            Lifecycle guard = new Lifecycle(local, exit, report);
            holder[0] = guard;
            java.util.Map<String, org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod> methods = new java.util.HashMap<>();
            for (Object service : localServices) {
                methods.putAll(ServiceEndpoints.getSupportedMethods(service.getClass()));
            }
            // Shape first: params that cannot be served are refused before the lifecycle counts the message.
            Endpoint checked = new ParamsGuard(guard, methods, report);
            RemoteEndpoint endpoint = new RemoteEndpoint(outgoing, checked, exceptionHandler) {
                @Override
                public void handle(org.eclipse.lsp4j.jsonrpc.messages.Message message,
                        java.util.List<org.eclipse.lsp4j.jsonrpc.messages.MessageIssue> issues) {
                    // A request with an id gets its error reply, which editors show; a notification, or a
                    // message too damaged to tell, would be lost in silence: tell the user.
                    boolean silent = false;
                    String method = null;
                    if (message instanceof org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage n) {
                        silent = true;
                        method = n.getMethod();
                    } else if (message instanceof org.eclipse.lsp4j.jsonrpc.messages.RequestMessage r && r.getRawId() == null) {
                        silent = true;
                        method = r.getMethod();
                    }
                    if (silent && !issues.isEmpty()) {
                        LanguageClient c = server.session().client;
                        if (c != null) {
                            c.showMessage(new MessageParams(MessageType.Warning, "papernotes: a "
                                    + (method == null ? "" : method + " ")
                                    + "message could not be read and was ignored: " + issues.get(0).getText()));
                        }
                    }
                    super.handle(message, issues);
                }
            };
            jsonHandler.setMethodProvider(endpoint);
            server.session().wire = new WireRehearsal(jsonHandler);
            return endpoint;
        }
    }
}
