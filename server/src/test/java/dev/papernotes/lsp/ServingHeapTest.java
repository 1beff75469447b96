package dev.papernotes.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The serving heap's free ratios go up to the serving ones, never down; this JVM's are put back after. */
class ServingHeapTest {
    private final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    private String min;
    private String max;

    @BeforeEach
    void remember() {
        min = vm.getVMOption("MinHeapFreeRatio").getValue();
        max = vm.getVMOption("MaxHeapFreeRatio").getValue();
    }

    @AfterEach
    void restore() {
        vm.setVMOption("MaxHeapFreeRatio", "100");
        vm.setVMOption("MinHeapFreeRatio", min);
        vm.setVMOption("MaxHeapFreeRatio", max);
    }

    private int option(String name) {
        return Integer.parseInt(vm.getVMOption(name).getValue());
    }

    @Test
    void theLaunchersTightRatiosAreWidened() {
        vm.setVMOption("MinHeapFreeRatio", "10");
        vm.setVMOption("MaxHeapFreeRatio", "30");
        String said = ServingHeap.widen();
        assertEquals(ServingHeap.MIN_FREE_PERCENT, option("MinHeapFreeRatio"));
        assertEquals(ServingHeap.MAX_FREE_PERCENT, option("MaxHeapFreeRatio"));
        assertTrue(said.contains("40-70"), said);
    }

    @Test
    void widerRatiosGivenByTheUserStay() {
        vm.setVMOption("MaxHeapFreeRatio", "90");
        vm.setVMOption("MinHeapFreeRatio", "50");
        ServingHeap.widen();
        assertEquals(50, option("MinHeapFreeRatio"));
        assertEquals(90, option("MaxHeapFreeRatio"));
    }
}
