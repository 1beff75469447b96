package dev.papernotes.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The papers a note links or cites, kept from one analysis to the next while its links stay. */
class LinkedIdsTest {

    @Test
    void theSetIsKeptWhileTheListsStayAndMadeAgainWhenTheyChange() {
        List<String> a = List.of("p1", "p2");
        List<String> b = List.of("p3");
        Set<String> first = NoteAnalysis.linkedIds("file:///kept.md", List.of(a, b));
        assertEquals(Set.of("p1", "p2", "p3"), first);
        assertSame(first, NoteAnalysis.linkedIds("file:///kept.md", new ArrayList<>(List.of(a, b))));
        assertEquals(Set.of("p1", "p2"), NoteAnalysis.linkedIds("file:///kept.md", List.of(a)));
        // Equal lists from another lookup (a citation's list is made anew each time) are the same links.
        assertEquals(Set.of("p1", "p2", "p4"), NoteAnalysis.linkedIds("file:///kept.md", List.of(a, List.of("p4"))));
        assertEquals(Set.of("p1", "p2", "p4"), NoteAnalysis.linkedIds("file:///kept.md", List.of(a, List.of("p4"))));
    }

    /** Notes edited in turn, links added, dropped and changed at random: always the union of their lists. */
    @Test
    void alwaysTheUnionOfTheListsAcrossNotesEditedInTurn() {
        Random r = new Random(20261203);
        List<List<List<String>>> notes = new ArrayList<>();
        for (int n = 0; n < 7; n++) {
            notes.add(new ArrayList<>());
        }
        for (int round = 0; round < 3000; round++) {
            int n = r.nextInt(notes.size());
            List<List<String>> lists = notes.get(n);
            switch (r.nextInt(4)) {
                case 0 -> lists.add(randomList(r));
                case 1 -> {
                    if (!lists.isEmpty()) {
                        lists.remove(r.nextInt(lists.size()));
                    }
                }
                case 2 -> {
                    if (!lists.isEmpty()) {
                        lists.set(r.nextInt(lists.size()), randomList(r));
                    }
                }
                default -> { } // an edit elsewhere in the note
            }
            Set<String> union = new HashSet<>();
            lists.forEach(union::addAll);
            List<List<String>> asked = new ArrayList<>(lists);
            assertEquals(union, NoteAnalysis.linkedIds("file:///note-" + n + ".md", asked), "round " + round);
        }
    }

    private static List<String> randomList(Random r) {
        List<String> ids = new ArrayList<>();
        for (int i = r.nextInt(4); i >= 0; i--) {
            ids.add("p" + r.nextInt(30));
        }
        return List.copyOf(ids);
    }
}
