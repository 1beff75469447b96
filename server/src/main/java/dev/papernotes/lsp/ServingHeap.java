package dev.papernotes.lsp;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How the heap grows once the index serves. The launchers start the JVM with
 * {@code -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30}: a first build on a heap that keeps
 * little free peaks lowest. While serving, that tightness costs: as the lookup, summary and
 * related-papers caches fill, the old generation grows in small steps, each a full collection that
 * stops a keystroke for 40-50 ms (1M papers, 2,000 keystrokes after a restart: 5 after start-up;
 * with the ratios below, 1). The server widens the ratios when its index is ready; they only ever
 * go up, so a user's own wider setting stays.
 */
final class ServingHeap {
    static final int MIN_FREE_PERCENT = 40;
    static final int MAX_FREE_PERCENT = 70;
    private static final Logger LOG = Logger.getLogger(ServingHeap.class.getName());

    private ServingHeap() {
    }

    /** Raises the heap's free ratios to the serving ones; says what it did, or why not. */
    static String widen() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            // The maximum first: the minimum may never exceed it.
            int max = raise(vm, "MaxHeapFreeRatio", MAX_FREE_PERCENT);
            int min = raise(vm, "MinHeapFreeRatio", Math.min(MIN_FREE_PERCENT, max));
            return "heap free ratios while serving: " + min + "-" + max + " %";
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "cannot set the heap free ratios", e);
            return "heap free ratios left as started (" + e + ")";
        }
    }

    private static int raise(HotSpotDiagnosticMXBean vm, String option, int percent) {
        int now = Integer.parseInt(vm.getVMOption(option).getValue());
        if (now < percent) {
            vm.setVMOption(option, Integer.toString(percent));
            return percent;
        }
        return now;
    }
}
