package dev.papernotes.editors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real editor as the client: Emacs in batch with eglot and markdown-mode, configured as the
 * README says, asks for hover and completion on an example note, renames its title heading (a link
 * to it in an unopened note follows) and runs the "Create note" quick fix, through the packaged jar.
 */
class EmacsIT {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    /** Emacs 28 ships neither eglot nor markdown-mode: both are packages (Debian elpa-eglot, elpa-markdown-mode). */
    private static boolean hasPackages() throws Exception {
        Process p = new ProcessBuilder("timeout", "60", "emacs", "--batch", "-q", "--eval",
                "(progn (require 'package) (package-initialize) (require 'eglot) (require 'markdown-mode))")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return p.waitFor(70, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @Test
    void hoverCompletionRenameAndCreateNoteInEmacs(@TempDir Path tmp) throws Exception {
        NeovimIT.requireOrSkip("emacs");
        boolean packages = hasPackages();
        String missing = "emacs cannot load eglot and markdown-mode (apt-get install elpa-eglot elpa-markdown-mode)";
        if (Boolean.getBoolean("papernotes.requireEditors")) {
            assertTrue(packages, missing + ", required by papernotes.requireEditors");
        }
        assumeTrue(packages, missing);

        Path notes = Files.createDirectories(tmp.resolve("notes"));
        Path note = Files.copy(REPO.resolve("examples/notes/long-context.md"), notes.resolve("long-context.md"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(notes.resolve("plans.md"), """
                # Plans

                Reread [[long-context]] before the meeting, and [[long-context#Long-context inference|its title]].
                Start [[Prefill tricks]] with what we learn.
                """);
        ProcessBuilder pb = new ProcessBuilder("timeout", "150", "emacs", "--batch", "-q", "-l",
                REPO.resolve("editors/emacs/check.el").toString())
                .directory(notes.toFile());
        JsonObject r = EditorScript.run("emacs", pb, tmp, note,
                Map.of("HOME", Files.createDirectories(tmp.resolve("home")).toString()));

        // Started the way the README tells Emacs users to: the start script where the checkout has one.
        Path script = REPO.resolve("scripts/papernotes");
        String launcher = r.get("launcher").getAsString();
        assertTrue(Files.isExecutable(script) ? launcher.equals(script.toString()) : launcher.startsWith("java "), launcher);
        assertEquals("markdown-mode", r.get("mode").getAsString());

        String hover = r.get("hover").getAsString();
        assertTrue(hover.contains("Prepacking: A Simple Method for Fast Prefilling"), hover);
        assertTrue(hover.contains("we propose Prepacking"), hover);
        assertEquals("Prepacking", r.getAsJsonArray("completion").get(0).getAsString(), r.toString());

        // Heading rename: eglot asked before editing plans.md (not open), and the link to the heading follows.
        String prompts = r.getAsJsonArray("rename_prompts").toString();
        assertTrue(prompts.contains("plans.md"), prompts);
        assertEquals("# Long-context prefill", r.get("note_title").getAsString());
        String plans = """
                # Plans

                Reread [[long-context]] before the meeting, and [[long-context#Long-context prefill|its title]].
                Start [[Prefill tricks]] with what we learn.
                """;
        assertEquals(plans, r.get("plans_after_rename").getAsString());
        assertEquals(plans, Files.readString(notes.resolve("plans.md")));
        assertTrue(Files.readString(notes.resolve("long-context.md")).contains("\n# Long-context prefill\n"));

        // "Create note" picked among the quick fixes: eglot takes no file creation, so the server's command made it.
        assertTrue(r.getAsJsonArray("actions").toString().contains("Create note 'Prefill tricks.md'"), r.toString());
        String created = Files.readString(notes.resolve("Prefill tricks.md"));
        assertTrue(created.startsWith("# Prefill tricks\n"), created);
    }
}
