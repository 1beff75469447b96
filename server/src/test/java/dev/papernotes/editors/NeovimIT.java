package dev.papernotes.editors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
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
        ProcessBuilder pb = new ProcessBuilder("timeout", "150", "nvim", "--headless", "-u", "NONE", "-i", "NONE",
                "-c", "luafile " + script)
                .directory(notes.toFile());
        JsonObject r = EditorScript.run("nvim", pb, tmp, note,
                Map.of("XDG_STATE_HOME", tmp.resolve("state").toString()));

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
