package dev.papernotes.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every launcher starts the server with the same JVM flags: the start script (which the benchmark
 * measures), the VS Code client, and each editor snippet of the README that runs {@code java}
 * itself; the other snippets run the start script.
 */
class LaunchFlagsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** The flags of {@code scripts/papernotes}: its {@code flags=(...)} array. */
    static Set<String> scriptFlags() throws IOException {
        String script = Files.readString(ROOT.resolve("scripts/papernotes"));
        Matcher m = Pattern.compile("(?m)^flags=\\(([^)]*)\\)").matcher(script);
        assertTrue(m.find(), "scripts/papernotes has a flags=(...) array");
        return new LinkedHashSet<>(List.of(m.group(1).trim().split("\\s+")));
    }

    @Test
    void theVsCodeClientUsesTheScriptsFlags() throws IOException {
        String ts = Files.readString(ROOT.resolve("client-vscode/src/java.ts"));
        Matcher m = Pattern.compile("SERVER_VM_ARGS[^=]*=\\s*\\[([^\\]]*)\\]").matcher(ts);
        assertTrue(m.find(), "java.ts declares SERVER_VM_ARGS");
        Set<String> client = new LinkedHashSet<>();
        Matcher q = Pattern.compile("'([^']*)'").matcher(m.group(1));
        while (q.find()) {
            client.add(q.group(1));
        }
        assertEquals(scriptFlags(), client);
    }

    @Test
    void everyEditorSnippetOfTheReadmeUsesTheScriptOrItsFlags() throws IOException {
        String all = Files.readString(ROOT.resolve("README.md"));
        int from = all.indexOf("\n## Editors\n");
        assertTrue(from >= 0, "README has an Editors section");
        int to = all.indexOf("\n## ", from + 5);
        String readme = all.substring(from, to < 0 ? all.length() : to);
        Set<String> flags = scriptFlags();
        assertTrue(flags.stream().anyMatch(f -> f.startsWith("-Xmx")), "a bounded heap: " + flags);
        List<String> launches = new ArrayList<>();
        Matcher block = Pattern.compile("(?s)```[a-z]*\\n(.*?)```").matcher(readme);
        while (block.find()) {
            String code = block.group(1);
            if (code.contains("papernotes.jar") && !code.contains("mvn ") || code.contains("scripts/papernotes")) {
                launches.add(code);
            }
        }
        int viaScript = 0;
        int viaJava = 0;
        for (String code : launches) {
            if (code.contains("scripts/papernotes")) {
                viaScript++;
                continue;
            }
            viaJava++;
            for (String f : flags) {
                assertTrue(code.contains(f), "README snippet without " + f + ":\n" + code);
            }
        }
        // Neovim, Emacs, Helix and Kate through the script; a plain java line for anything else.
        assertTrue(viaScript >= 4, "snippets running scripts/papernotes: " + viaScript);
        assertTrue(viaJava >= 1, "a snippet with the java command line");
        assertFalse(readme.contains("\"java\", \"-XX:+ExitOnOutOfMemoryError\", \"-jar\""),
                "an editor snippet still starts the server without the flags");
    }
}
