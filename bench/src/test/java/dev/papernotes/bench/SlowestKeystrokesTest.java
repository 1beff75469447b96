package dev.papernotes.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The keystroke scenario's lists of a session's slowest keystrokes and hovers (slowest first, each where it came) and of its first keystrokes. */
class SlowestKeystrokesTest {
    @Test
    void listsTheSlowestFirstWithTheirPlaceAndText() {
        List<KeystrokeScenario.Timed> typed = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            typed.add(new KeystrokeScenario.Timed(i, 1 + random.nextDouble(), "wiki:[[x" + i));
        }
        typed.set(3, new KeystrokeScenario.Timed(3, 41.236, "wiki:[[Re"));
        typed.set(500, new KeystrokeScenario.Timed(500, 17.5, "cite:@m"));
        typed.set(998, new KeystrokeScenario.Timed(998, 29.0, "prose:Sw"));
        JsonArray out = KeystrokeScenario.slowest(typed, 12, "typed");
        assertEquals(12, out.size());
        assertEquals("{\"at\":3,\"ms\":41.24,\"typed\":\"wiki:[[Re\"}", out.get(0).toString());
        assertEquals("{\"at\":998,\"ms\":29.0,\"typed\":\"prose:Sw\"}", out.get(1).toString());
        assertEquals("{\"at\":500,\"ms\":17.5,\"typed\":\"cite:@m\"}", out.get(2).toString());
        for (int i = 1; i < out.size(); i++) {
            double before = out.get(i - 1).getAsJsonObject().get("ms").getAsDouble();
            double now = out.get(i).getAsJsonObject().get("ms").getAsDouble();
            assertTrue(before >= now, "slowest first: " + out);
        }
        assertEquals(2, KeystrokeScenario.slowest(typed.subList(0, 2), 12, "typed").size(), "a short session lists what it has");
    }

    @Test
    void listsTheFirstKeystrokesInTheOrderTyped() {
        List<KeystrokeScenario.Timed> typed = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            typed.add(new KeystrokeScenario.Timed(i, 30 - i + 0.123, "wiki:[[x" + i));
        }
        assertEquals("[30.12,29.12,28.12,27.12,26.12,25.12,24.12,23.12,22.12,21.12]",
                KeystrokeScenario.first(typed, 10).toString());
        assertEquals("[30.12,29.12]", KeystrokeScenario.first(typed.subList(0, 2), 10).toString());
    }
}
