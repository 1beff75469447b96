package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhaseClockTest {
    private long now;

    @Test
    void timesEachPhaseUntilTheNextAndPassesEveryReportOn() {
        List<String> passed = new ArrayList<>();
        PhaseClock clock = new PhaseClock(new UpdateProgress() {
            @Override
            public void phase(String name) {
                passed.add("phase " + name);
            }

            @Override
            public void reading(long totalBytes) {
                passed.add("reading " + totalBytes);
            }

            @Override
            public void advance(long bytes) {
                passed.add("advance " + bytes);
            }
        }, () -> now);
        now = 5_000_000L;
        clock.phase("reading papers");
        clock.reading(100);
        clock.advance(60);
        now += 2_500_000_000L;
        clock.phase("merging segments");
        now += 700_000_000L;
        clock.phase("reading papers"); // a phase met again adds up
        now += 40_000_000L;
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("reading papers", 2_540L);
        expected.put("merging segments", 700L);
        assertEquals(expected, clock.stop());
        assertEquals(expected, clock.stop(), "stopped once");
        assertEquals(List.of("phase reading papers", "reading 100", "advance 60", "phase merging segments",
                "phase reading papers"), passed);
    }

    @Test
    void namesThePhasesWorthNamingInOrder() {
        Map<String, Long> phases = new LinkedHashMap<>();
        phases.put("scanning corpus", 240L);
        phases.put("reading papers", 258_432L);
        phases.put("merging segments", 73_551L);
        phases.put("committing", 999L);
        phases.put("writing mention dictionary", 11_840L);
        UpdateResult r = new UpdateResult(true, 1, 0, 10, 10, 0, true, 350_000, 10, 350_000, phases);
        assertEquals(" (reading papers 258.4 s, merging segments 73.6 s, writing mention dictionary 11.8 s)",
                r.phases());
        assertEquals("", new UpdateResult(true, 1, 0, 10, 10, 0, true, 800).phases());
    }
}
