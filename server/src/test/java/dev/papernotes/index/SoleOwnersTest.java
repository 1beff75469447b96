package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papernotes.TestPage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which paper, if only one, a target leads to, asked for a whole list at once (completion's labels):
 * the same answers as one question at a time, whatever the order the list comes in.
 */
class SoleOwnersTest {
    private static final String[] SYLLABLES = {"ka", "zen", "tel", "mi", "ro", "gor", "va", "lu", "ne", "ti"};

    private static String name(Random random) {
        StringBuilder b = new StringBuilder();
        int n = 2 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            String s = SYLLABLES[random.nextInt(SYLLABLES.length)];
            b.append(i == 0 ? Character.toUpperCase(s.charAt(0)) + s.substring(1) : s);
        }
        return b.toString();
    }

    private static IndexStore indexed(Path dir, TestPage page) throws IOException {
        IndexStore store = IndexStore.open(dir.resolve("idx"), List.of(page.writeCorpus(dir)), 16);
        store.update(w -> { }, UpdateProgress.NONE, false);
        return store;
    }

    @Test
    void aSharedNameLeadsToNoOneAndATitleToItsPaper(@TempDir Path tmp) throws IOException {
        TestPage page = new TestPage()
                .paper("Mamba: Linear-Time Sequence Modeling with Selective State Spaces", "We select states.")
                .paper("Mamba: A Snake Robot for Pipe Inspection", "We crawl through pipes.")
                .paper("ELECTRA: Pre-training Text Encoders as Discriminators", "We detect replaced tokens.");
        try (IndexStore store = indexed(tmp, page); PaperIndex idx = store.acquire()) {
            String electra = idx.resolveIds("ELECTRA").get(0);
            String robot = idx.resolveIds("Mamba: A Snake Robot for Pipe Inspection").get(0);
            Map<String, String> owners = idx.soleOwners(List.of("Mamba", "electra", "ELECTRA", "",
                    "Mamba: A Snake Robot for Pipe Inspection", "Nothing Named So", "Mamba"));
            assertEquals("", owners.get("Mamba"), "two papers are named Mamba");
            assertEquals(electra, owners.get("ELECTRA"));
            assertEquals(electra, owners.get("electra"), "written otherwise, the same key");
            assertEquals("", owners.get(""));
            assertEquals(robot, owners.get("Mamba: A Snake Robot for Pipe Inspection"));
            assertEquals("", owners.get("Nothing Named So"));
            assertEquals(6, owners.size(), "one answer per distinct target");
        }
    }

    @Test
    void aListInAnyOrderGetsTheAnswersOfOneQuestionAtATime(@TempDir Path tmp) throws IOException {
        Random random = new Random(15);
        TestPage page = new TestPage();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            // Few syllables: many names share their first letters, and some are shared outright.
            String name = i > 0 && random.nextInt(8) == 0 ? names.get(random.nextInt(names.size())) : name(random);
            names.add(name);
            page.paper(name + ": " + name(random) + " Models for " + name(random) + " Tasks",
                    "We study " + name(random).toLowerCase() + " at scale.");
        }
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String n = names.get(random.nextInt(names.size()));
            targets.add(switch (random.nextInt(4)) {
                case 0 -> n;
                case 1 -> n.toLowerCase();
                case 2 -> name(random); // mostly no paper's name
                default -> n.substring(0, 1 + random.nextInt(n.length())); // a prefix, as typed
            });
        }
        try (IndexStore batch = indexed(tmp.resolve("a"), page); IndexStore single = indexed(tmp.resolve("b"), page);
                PaperIndex a = batch.acquire(); PaperIndex b = single.acquire()) {
            int unique = 0;
            for (int round = 0; round < 3; round++) {
                Collections.shuffle(targets, random);
                List<String> asked = targets.subList(0, 50 + random.nextInt(200));
                Map<String, String> owners = a.soleOwners(asked);
                for (String t : asked) {
                    String owner = owners.get(t);
                    List<String> ids = b.resolveIds(t);
                    boolean one = !ids.isEmpty() && b.resolvesUniquely(t, ids.get(0));
                    assertEquals(one ? ids.get(0) : "", owner, t);
                    unique += one ? 1 : 0;
                }
            }
            assertTrue(unique > 50, "the targets include names of one paper: " + unique);
        }
    }
}
