package dev.papernotes.editors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.papernotes.JarProcess;
import dev.papernotes.TestCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real editor as the client: headless Neovim with its built-in LSP client asks for hover and
 * definition on an example note, then renames a note through a [[link]] and runs the "Create note"
 * quick fix, through the packaged jar.
 */
class NeovimIT {
    static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    static void requireOrSkip(String command) {
        boolean required = Boolean.getBoolean("papernotes.requireEditors");
        if (required) {
            assertTrue(onPath(command), command + " is required (papernotes.requireEditors) but not on PATH");
        }
        assumeTrue(onPath(command), command + " not installed");
    }

    @Test
    void hoverAndDefinitionInNeovim(@TempDir Path tmp) throws Exception {
        requireOrSkip("nvim");
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        Path example = Path.of("..", "examples", "notes", "long-context.md").toAbsolutePath().normalize();
        Path note = Files.copy(example, notes.resolve("long-context.md"), StandardCopyOption.REPLACE_EXISTING);
        // Renamed and created through Neovim's own rename and code action commands (check.lua).
        Files.writeString(notes.resolve("plans.md"), PLANS);
        Path script = Path.of("..", "editors", "nvim", "check.lua").toAbsolutePath().normalize();
        Path result = tmp.resolve("result.json");
        ProcessBuilder pb = new ProcessBuilder("timeout", "150", "nvim", "--headless", "-u", "NONE", "-i", "NONE",
                "-c", "luafile " + script)
                .directory(notes.toFile())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("nvim.log").toFile());
        pb.environment().put("PAPERNOTES_JAR", JarProcess.jar().toString());
        pb.environment().put("PAPERNOTES_CORPUS", TestCorpus.dir().toString());
        pb.environment().put("PAPERNOTES_INDEX", tmp.resolve("index").toString());
        pb.environment().put("PAPERNOTES_NOTE", note.toString());
        pb.environment().put("PAPERNOTES_RESULT", result.toString());
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        pb.environment().put("XDG_STATE_HOME", tmp.resolve("state").toString());
        Process p = pb.start();
        assertTrue(p.waitFor(160, TimeUnit.SECONDS), "nvim did not finish");
        String log = Files.readString(tmp.resolve("nvim.log"));
        assertTrue(Files.exists(result), "no result from nvim; log:\n" + log);
        JsonObject r = JsonParser.parseString(Files.readString(result)).getAsJsonObject();
        assertTrue(r.get("ok").getAsBoolean(), r + "\n" + log);

        String hover = r.get("hover").getAsString();
        assertTrue(hover.contains("Prepacking: A Simple Method for Fast Prefilling"), hover);
        assertTrue(hover.contains("we propose Prepacking"), hover);

        JsonObject def = r.getAsJsonObject("definition");
        Path target = Path.of(java.net.URI.create(def.get("uri").getAsString()));
        assertTrue(target.toString().endsWith(".txt"), target.toString());
        List<String> lines = Files.readAllLines(target);
        assertTrue(lines.get(def.get("line").getAsInt()).startsWith("Prepacking: A Simple Method"));
        assertEquals(lines.get(def.get("line").getAsInt()), r.get("landed").getAsString());

        // Rename on [[long-context]]: Neovim renamed the file and every link follows, in its own form.
        JsonObject rename = r.getAsJsonObject("rename");
        assertFalse(Files.exists(notes.resolve("long-context.md")), r.toString());
        assertTrue(Files.exists(notes.resolve("prefill-inference.md")), r.toString());
        String plans = """
                # Plans

                Reread [[prefill-inference]] before the meeting, and [[prefill-inference#Long-context inference|its title]].
                Start [[Prefill tricks]] with what we learn.
                """;
        assertEquals(plans.strip(), rename.get("plans").getAsString().strip());
        assertEquals(plans, Files.readString(notes.resolve("plans.md")));
        assertTrue(Files.readString(notes.resolve("prefill-inference.md")).startsWith("---\ntags: [reading, inference]"));

        // The "Create note" quick fix on [[Prefill tricks]]: a new note with its title heading, on disk.
        JsonObject action = r.getAsJsonObject("code_action");
        assertTrue(action.getAsJsonArray("offered").toString().contains("Create note 'Prefill tricks.md'"), action.toString());
        String created = Files.readString(notes.resolve("Prefill tricks.md"));
        assertTrue(created.startsWith("# Prefill tricks\n"), created);
        assertEquals(created.strip(), action.get("created").getAsString().strip());
    }

    private static final String PLANS = """
            # Plans

            Reread [[long-context]] before the meeting, and [[long-context#Long-context inference|its title]].
            Start [[Prefill tricks]] with what we learn.
            """;
}
