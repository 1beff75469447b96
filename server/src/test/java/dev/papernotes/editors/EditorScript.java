package dev.papernotes.editors;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.papernotes.JarProcess;
import dev.papernotes.TestCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an editor's check script (editors/nvim/check.lua, editors/emacs/check.el) against the
 * packaged server: what it is told through the environment, its log, and the result it writes.
 */
final class EditorScript {
    private EditorScript() {
    }

    /**
     * Starts {@code pb} with the server jar, the test corpus, an index, the note to open and the
     * result file in its environment (plus {@code extraEnv}), waits for it, and returns the result,
     * which must say {@code ok}.
     */
    static JsonObject run(String editor, ProcessBuilder pb, Path tmp, Path note, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        Path result = tmp.resolve("result.json");
        Path logFile = tmp.resolve(editor + ".log");
        pb.redirectErrorStream(true).redirectOutput(logFile.toFile());
        Map<String, String> env = pb.environment();
        env.put("PAPERNOTES_JAR", JarProcess.jar().toString());
        env.put("PAPERNOTES_CORPUS", TestCorpus.dir().toString());
        env.put("PAPERNOTES_INDEX", tmp.resolve("index").toString());
        env.put("PAPERNOTES_NOTE", note.toString());
        env.put("PAPERNOTES_RESULT", result.toString());
        env.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        env.putAll(extraEnv);
        Process p = pb.start();
        assertTrue(p.waitFor(160, TimeUnit.SECONDS), editor + " did not finish");
        String log = Files.readString(logFile);
        assertTrue(Files.exists(result), "no result from " + editor + "; log:\n" + log);
        JsonObject r = JsonParser.parseString(Files.readString(result)).getAsJsonObject();
        assertTrue(r.get("ok").getAsBoolean(), r + "\n" + log);
        return r;
    }
}
