package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/** Labels' owners kept as bytes: an answer comes back for its own question only, and recent ones stay. */
class TextAnswersTest {
    private static final int CAPACITY = 1 << 16;

    @Test
    void anAnswerComesBackForItsQuestionEvenWhenQuestionsShareAHash() {
        Random random = new Random(20261203);
        Map<String, ToLongFunction<byte[]>> hashes = Map.of(
                "fnv1a", TextAnswers::fnv1a,
                "all the same", bytes -> 42,
                "by length", bytes -> bytes.length,
                "first byte", bytes -> bytes.length == 0 ? 0 : bytes[0]);
        hashes.forEach((name, hash) -> {
            TextAnswers answers = new TextAnswers(CAPACITY, hash);
            Map<String, String> told = new HashMap<>();
            Deque<String> recent = new ArrayDeque<>();
            for (int op = 0; op < 20_000; op++) {
                String question = text(random, 1 + random.nextInt(random.nextBoolean() ? 3 : 30));
                String known = answers.get(question);
                if (known != null) {
                    assertEquals(told.get(question), known, name + ": " + question);
                } else if (random.nextBoolean()) {
                    String answer = random.nextInt(4) == 0 ? "" : "2411." + random.nextInt(99_999);
                    answers.put(question, answer);
                    told.put(question, answer);
                    recent.addFirst(question);
                    if (recent.size() > 20) {
                        recent.removeLast();
                    }
                }
            }
            if (name.equals("fnv1a")) {
                // Questions that do not share a hash keep the last twenty answers put.
                for (String q : recent) {
                    assertEquals(told.get(q), answers.get(q), name + ": recent " + q);
                }
            }
        });
    }

    @Test
    void aQuestionNeverAskedHasNoAnswerAndAnEmptyAnswerIsOne() {
        TextAnswers answers = new TextAnswers();
        assertNull(answers.get("Mini-Monkey"));
        answers.put("Mini-Monkey", "");
        assertEquals("", answers.get("Mini-Monkey"));
        answers.put("Mini-Monkey", "2408.02034");
        assertEquals("2408.02034", answers.get("Mini-Monkey"));
        assertNull(answers.get("Mini-Monke"));
        answers.put("深度 😀", "x");
        assertEquals("x", answers.get("深度 😀"));
    }

    private static String text(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(20);
            sb.append(kind == 0 ? '深' : kind == 1 ? ' ' : (char) ('a' + random.nextInt(kind < 10 ? 3 : 26)));
        }
        return sb.toString();
    }
}
