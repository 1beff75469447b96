package dev.papernotes.index;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Times the phases of an update as it reports them, and passes every report on: where a long first
 * build spent its time goes into the log line that says the index is ready.
 */
final class PhaseClock implements UpdateProgress {
    private final UpdateProgress out;
    private final LongSupplier nanos;
    private final Map<String, Long> millis = new LinkedHashMap<>();
    private String current;
    private long since;

    PhaseClock(UpdateProgress out) {
        this(out, System::nanoTime);
    }

    PhaseClock(UpdateProgress out, LongSupplier nanos) {
        this.out = out;
        this.nanos = nanos;
    }

    @Override
    public void phase(String name) {
        endCurrent();
        current = name;
        since = nanos.getAsLong();
        out.phase(name);
    }

    @Override
    public void reading(long totalBytes) {
        out.reading(totalBytes);
    }

    @Override
    public void advance(long bytes) {
        out.advance(bytes);
    }

    /** Each phase's milliseconds, in the order they first came (a phase met again adds up). */
    Map<String, Long> stop() {
        endCurrent();
        return Collections.unmodifiableMap(millis);
    }

    private void endCurrent() {
        if (current != null) {
            millis.merge(current, (nanos.getAsLong() - since) / 1_000_000, Long::sum);
            current = null;
        }
    }
}
