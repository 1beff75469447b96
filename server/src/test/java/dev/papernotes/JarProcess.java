package dev.papernotes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged jar as a user would, with its own cache folder. */
public final class JarProcess {
    public record Result(int status, String out, String err) {
        public List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }
    }

    private JarProcess() {
    }

    public static Path jar() {
        String p = System.getProperty("papernotes.jar");
        Path jar = p != null ? Path.of(p) : Path.of("target", "papernotes.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("packaged jar not found at " + jar.toAbsolutePath());
        }
        return jar.toAbsolutePath();
    }

    public static ProcessBuilder builder(Path cwd, Path cache, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-jar");
        cmd.add(jar().toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        return pb;
    }

    public static Result run(Path cwd, Path cache, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("pn-out", ".txt");
        Path err = Files.createTempFile("pn-err", ".txt");
        try {
            Process p = builder(cwd, cache, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", args));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
