package dev.papernotes.bench;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The packaged server in its own JVM, driven over its stdin/stdout by LSP4J's client launcher,
 * as an editor would drive it.
 */
final class ServerUnderTest implements LanguageClient, AutoCloseable {
    final Process process;
    final LanguageServer server;
    final long startedNanos;
    final List<MessageParams> logs = new CopyOnWriteArrayList<>();
    volatile JsonObject configuration = new JsonObject();
    /** The last diagnostics published for each uri (the real-notes evaluation reads them). */
    final java.util.Map<String, PublishDiagnosticsParams> diagnostics = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * How the server is started: the start script as users run it (its flags, its class data
     * sharing archive), or {@code java FLAGS -jar} for a comparison.
     *
     * @param script the start script, or null for {@code java flags -jar jar}
     * @param flags  JVM flags: given to the script in {@code PAPERNOTES_JAVA_OPTS} (after its own),
     *               else on the java command line
     */
    record Launch(String name, Path script, Path jar, List<String> flags) {
        List<String> command() {
            List<String> cmd = new ArrayList<>();
            if (script != null) {
                cmd.add(script.toString());
            } else {
                cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                cmd.addAll(flags);
                cmd.add("-jar");
                cmd.add(jar.toString());
            }
            cmd.add("lsp");
            return cmd;
        }
    }

    final Path indexDir;
    /** Where a flight recording started by the flags goes; the server halts, so it is dumped before. */
    private final String recording;

    /**
     * {@code java -Xmx<heap> -jar jar lsp} (plus {@code BENCH_SERVER_OPTS}), as the library, heavy-note
     * and notes benchmarks start it.
     */
    ServerUnderTest(Path jar, String heap, Path workDir, Path log) throws IOException {
        this(new Launch("java -Xmx" + heap, null, jar, heapFlags(heap)), workDir, log, null);
    }

    private static List<String> heapFlags(String heap) {
        List<String> flags = new ArrayList<>(List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError"));
        String extra = System.getenv("BENCH_SERVER_OPTS");
        if (extra != null && !extra.isBlank()) {
            flags.addAll(List.of(extra.trim().split("\\s+")));
        }
        return flags;
    }

    ServerUnderTest(Launch launch, Path workDir, Path log, Path indexDir) throws IOException {
        this.indexDir = indexDir;
        this.recording = launch.flags().stream().filter(f -> f.startsWith("-XX:StartFlightRecording"))
                .map(f -> f.replaceAll(".*filename=([^,]+).*", "$1")).findFirst().orElse(null);
        ProcessBuilder pb = new ProcessBuilder(launch.command()).directory(workDir.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (launch.script() != null) {
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            pb.environment().put("PAPERNOTES_JAR", launch.jar().toString());
            pb.environment().put("PAPERNOTES_JAVA_OPTS", String.join(" ", launch.flags()));
        }
        startedNanos = System.nanoTime();
        process = pb.start();
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(this, process.getInputStream(),
                process.getOutputStream());
        launcher.startListening();
        server = launcher.getRemoteProxy();
    }

    /** Resident memory now, with the mapped index's share. */
    ProcessMemory memory() throws IOException {
        return ProcessMemory.of(process.pid(), indexDir);
    }

    void initialize(Path notes, JsonObject options) throws Exception {
        InitializeParams p = new InitializeParams();
        p.setProcessId((int) ProcessHandle.current().pid());
        p.setWorkspaceFolders(List.of(new WorkspaceFolder(notes.toUri().toString(), "notes")));
        p.setInitializationOptions(options);
        ClientCapabilities caps = new ClientCapabilities();
        var text = new org.eclipse.lsp4j.TextDocumentClientCapabilities();
        var hover = new org.eclipse.lsp4j.HoverCapabilities();
        hover.setContentFormat(List.of("markdown"));
        text.setHover(hover);
        var definition = new org.eclipse.lsp4j.DefinitionCapabilities();
        definition.setLinkSupport(true);
        text.setDefinition(definition);
        caps.setTextDocument(text);
        p.setCapabilities(caps);
        configuration = options;
        server.initialize(p).get(120, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
    }

    MessageParams awaitLog(Predicate<String> wanted, long seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            for (MessageParams m : logs) {
                if (wanted.test(m.getMessage())) {
                    return m;
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + "; log: " + logs);
            }
            Thread.sleep(20);
        }
        throw new TimeoutException("no such log message in " + seconds + " s; got " + logs);
    }

    /** Heap in use after a full GC, and the heap committed then, in MiB, read with jcmd. */
    double[] heapAfterGcMb() throws Exception {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        // One "total NK, used NK" line per generation (Serial: young and tenured; G1: the whole heap).
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(info);
        long total = 0;
        long used = 0;
        boolean found = false;
        while (m.find()) {
            found = true;
            total += Long.parseLong(m.group(1));
            used += Long.parseLong(m.group(2));
        }
        if (!found) {
            throw new IllegalStateException("cannot read the heap from: " + info);
        }
        return new double[] {used / 1024.0, total / 1024.0};
    }

    /** Native memory by JVM area, when the server runs with -XX:NativeMemoryTracking=summary. */
    String nativeMemory() throws Exception {
        return jcmd("VM.native_memory summary").strip();
    }

    /** The JVM's flags as it runs (heap bounds, GC), read with jcmd. */
    String vmFlags() throws Exception {
        return jcmd("VM.flags").strip();
    }

    private String jcmd(String command) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    @Override
    public void close() throws Exception {
        if (recording != null && process.isAlive()) {
            jcmd("JFR.dump filename=" + recording);
        }
        try {
            server.shutdown().get(30, TimeUnit.SECONDS);
            server.exit();
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // measured already; just make sure it is gone
        } finally {
            process.destroyForcibly();
        }
    }

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams published) {
        diagnostics.put(published.getUri(), published);
    }

    @Override
    public void showMessage(MessageParams m) {
        logs.add(m);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams m) {
        logs.add(m);
    }

    @Override
    public CompletableFuture<List<Object>> configuration(ConfigurationParams p) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < p.getItems().size(); i++) {
            out.add(configuration);
        }
        return CompletableFuture.completedFuture(out);
    }
}
