package dev.papernotes.lsp.jsonrpc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;

/** Runs a whole transcript through a launcher from {@link LspLauncher} and collects the answers. */
final class Sessions {
    private Sessions() {
    }

    static Replies run(byte[] transcript) {
        return run(transcript, new EchoServer(), builder -> { });
    }

    static Replies run(byte[] transcript, EchoServer server, Consumer<LspLauncher.Builder<LanguageClient>> configure) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            LspLauncher.Builder<LanguageClient> builder = new LspLauncher.Builder<LanguageClient>()
                    .setLocalService(server)
                    .setRemoteInterface(LanguageClient.class)
                    .setInput(new ByteArrayInputStream(transcript))
                    .setOutput(out)
                    .setExecutorService(executor);
            configure.accept(builder);
            Launcher<LanguageClient> launcher = builder.create();
            // Listening ends at the end of the transcript; a hang fails the test's @Timeout.
            launcher.startListening().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("session failed", e);
        } finally {
            executor.shutdownNow();
        }
        return new Replies(Frames.parse(out.toByteArray()));
    }
}
