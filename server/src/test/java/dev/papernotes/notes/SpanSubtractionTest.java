package dev.papernotes.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.papernotes.notes.NoteModel.Span;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link NoteParser#subtract} against a bitmap oracle, on random spans and holes. */
class SpanSubtractionTest {

    @Test
    void matchesTheOracleOnRandomInputs() {
        Random random = new Random(16);
        for (int round = 0; round < 5000; round++) {
            int length = 1 + random.nextInt(200);
            boolean disjoint = round % 3 != 0;
            List<Span> spans = randomSpans(random, length, random.nextInt(8), disjoint);
            List<Span> holes = randomSpans(random, length, random.nextInt(12), false);
            List<Span> got = NoteParser.subtract(spans, holes);
            assertEquals(oracle(spans, holes, length), bits(got, length), "spans " + spans + " holes " + holes);
            boolean sorted = disjoint && isSorted(spans);
            for (int i = 1; sorted && i < got.size(); i++) {
                // Sorted disjoint spans (the parser's) give sorted results; none is empty.
                assertEquals(true, got.get(i - 1).start() <= got.get(i).start(), String.valueOf(got));
            }
            for (Span s : got) {
                assertEquals(true, s.start() < s.end(), String.valueOf(got));
            }
        }
    }

    @Test
    void manyParagraphsMinusManyLinks() {
        // The heavily linked note's shape: 2,000 spans, 20,000 holes, each span keeps its gaps.
        List<Span> spans = new ArrayList<>();
        List<Span> holes = new ArrayList<>();
        for (int p = 0; p < 2000; p++) {
            int base = p * 1000;
            spans.add(new Span(base, base + 900));
            for (int k = 0; k < 10; k++) {
                holes.add(new Span(base + k * 90 + 10, base + k * 90 + 20));
            }
        }
        List<Span> got = NoteParser.subtract(spans, holes);
        assertEquals(2000 * 11, got.size());
        assertEquals(new Span(0, 10), got.get(0));
        assertEquals(new Span(1999 * 1000 + 9 * 90 + 20, 1999 * 1000 + 900), got.get(got.size() - 1));
    }

    /** Sorted, non-overlapping spans when {@code disjoint}; any ranges otherwise. */
    private static List<Span> randomSpans(Random random, int length, int count, boolean disjoint) {
        List<Span> out = new ArrayList<>();
        if (disjoint) {
            int pos = 0;
            for (int i = 0; i < count && pos < length; i++) {
                int start = pos + random.nextInt(Math.max(1, (length - pos) / 2 + 1));
                int end = Math.min(length, start + 1 + random.nextInt(30));
                if (start >= end) {
                    break;
                }
                out.add(new Span(start, end));
                pos = end + random.nextInt(3);
            }
            if (random.nextBoolean()) {
                java.util.Collections.shuffle(out, random);
            }
            return out;
        }
        for (int i = 0; i < count; i++) {
            int start = random.nextInt(length);
            out.add(new Span(start, Math.min(length, start + 1 + random.nextInt(40))));
        }
        return out;
    }

    private static boolean isSorted(List<Span> spans) {
        for (int i = 1; i < spans.size(); i++) {
            if (spans.get(i).start() < spans.get(i - 1).start()) {
                return false;
            }
        }
        return true;
    }

    private static BitSet oracle(List<Span> spans, List<Span> holes, int length) {
        BitSet kept = new BitSet(length);
        for (Span s : spans) {
            kept.set(s.start(), s.end());
        }
        for (Span h : holes) {
            kept.clear(h.start(), h.end());
        }
        return kept;
    }

    private static BitSet bits(List<Span> spans, int length) {
        BitSet b = new BitSet(length);
        for (Span s : spans) {
            b.set(s.start(), s.end());
        }
        return b;
    }
}
