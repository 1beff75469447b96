package dev.papernotes.lsp.jsonrpc;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

import com.google.gson.GsonBuilder;

/**
 * Builds LSP4J launchers exactly as {@code LSPLauncher} / {@code Launcher.Builder} do — same JSON
 * handler and Gson configuration, remote endpoint, proxies, tracing, validation, wrappers and
 * executor — except that input is read by a {@link SafeMessageProducer}.
 */
public final class LspLauncher {

    private LspLauncher() {
    }

    /** A language-server launcher, like {@code LSPLauncher.createServerLauncher(server, in, out)}. */
    public static Launcher<LanguageClient> createServerLauncher(LanguageServer server, InputStream in, OutputStream out) {
        return new Builder<LanguageClient>()
                .setLocalService(server)
                .setRemoteInterface(LanguageClient.class)
                .setInput(in)
                .setOutput(out)
                .create();
    }

    /**
     * A language-server launcher with its own executor (null: a cached thread pool, as LSP4J) and
     * message wrapper (null: none).
     */
    public static Launcher<LanguageClient> createServerLauncher(LanguageServer server, InputStream in, OutputStream out,
            ExecutorService executor, Function<MessageConsumer, MessageConsumer> wrapper) {
        return create(server, LanguageClient.class, in, out, executor, wrapper);
    }

    /** Any local service and remote interface, like {@code Launcher.createIoLauncher}. */
    public static <T> Launcher<T> create(Object localService, Class<T> remoteInterface, InputStream in,
            OutputStream out, ExecutorService executor, Function<MessageConsumer, MessageConsumer> wrapper) {
        return new Builder<T>()
                .setLocalService(localService)
                .setRemoteInterface(remoteInterface)
                .setInput(in)
                .setOutput(out)
                .setExecutorService(executor)
                .wrapMessages(wrapper)
                .create();
    }

    /**
     * {@code Launcher.Builder} with the producer swapped. LSP4J 1.0.0 has no hook for the
     * producer ({@code create()} instantiates {@code StreamMessageProducer} inline), so
     * {@link #create()} repeats its few lines and reuses every other protected step. The setters
     * are overridden only to keep chains typed as this builder.
     */
    public static class Builder<T> extends Launcher.Builder<T> {
        protected long maxContentLength = SafeMessageProducer.DEFAULT_MAX_CONTENT_LENGTH;

        /** Bodies larger than this are refused with an error and skipped unread. Default 64 MiB. */
        public Builder<T> setMaxContentLength(long maxContentLength) {
            this.maxContentLength = maxContentLength;
            return this;
        }

        @Override
        public Launcher<T> create() {
            if (input == null) {
                throw new IllegalStateException("Input stream must be configured.");
            }
            if (output == null) {
                throw new IllegalStateException("Output stream must be configured.");
            }
            if (localServices == null) {
                throw new IllegalStateException("Local service must be configured.");
            }
            if (remoteInterfaces == null) {
                throw new IllegalStateException("Remote interface must be configured.");
            }
            MessageJsonHandler jsonHandler = createJsonHandler();
            if (messageTracer != null) {
                messageTracer.setJsonHandler(jsonHandler);
            }
            RemoteEndpoint remoteEndpoint = createRemoteEndpoint(jsonHandler);
            T remoteProxy = createProxy(remoteEndpoint);

            // The one change: errors found while framing go to the RemoteEndpoint, which answers
            // through the same (wrapped) outgoing consumer as every response.
            SafeMessageProducer reader = new SafeMessageProducer(input, jsonHandler, remoteEndpoint, maxContentLength);
            MessageConsumer messageConsumer = wrapMessageConsumer(remoteEndpoint);
            ConcurrentMessageProcessor msgProcessor = createMessageProcessor(reader, messageConsumer, remoteProxy);
            ExecutorService execService = executorService != null ? executorService : Executors.newCachedThreadPool();
            return createLauncher(execService, remoteProxy, remoteEndpoint, msgProcessor);
        }

        @Override
        public Builder<T> setLocalService(Object localService) {
            super.setLocalService(localService);
            return this;
        }

        @Override
        public Builder<T> setLocalServices(Collection<Object> localServices) {
            super.setLocalServices(localServices);
            return this;
        }

        @Override
        public Builder<T> setRemoteInterface(Class<? extends T> remoteInterface) {
            super.setRemoteInterface(remoteInterface);
            return this;
        }

        @Override
        public Builder<T> setRemoteInterfaces(Collection<Class<? extends T>> remoteInterfaces) {
            super.setRemoteInterfaces(remoteInterfaces);
            return this;
        }

        @Override
        public Builder<T> setInput(InputStream input) {
            super.setInput(input);
            return this;
        }

        @Override
        public Builder<T> setOutput(OutputStream output) {
            super.setOutput(output);
            return this;
        }

        @Override
        public Builder<T> setExecutorService(ExecutorService executorService) {
            super.setExecutorService(executorService);
            return this;
        }

        @Override
        public Builder<T> setClassLoader(ClassLoader classLoader) {
            super.setClassLoader(classLoader);
            return this;
        }

        @Override
        public Builder<T> wrapMessages(Function<MessageConsumer, MessageConsumer> wrapper) {
            super.wrapMessages(wrapper);
            return this;
        }

        @Override
        public Builder<T> setExceptionHandler(Function<Throwable, ResponseError> exceptionHandler) {
            super.setExceptionHandler(exceptionHandler);
            return this;
        }

        @Override
        public Builder<T> validateMessages(boolean validate) {
            super.validateMessages(validate);
            return this;
        }

        @Override
        public Builder<T> traceMessages(PrintWriter tracer) {
            super.traceMessages(tracer);
            return this;
        }

        @Override
        public Builder<T> configureGson(Consumer<GsonBuilder> configureGson) {
            super.configureGson(configureGson);
            return this;
        }
    }
}
