package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.papernotes.corpus.Occurrence;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PaperDocumentsTest {

    @Test
    void theOrderKeyIsThePathAndTheLineZeroPaddedToTenDigits() {
        Path file = Path.of("/corpus/page-000001.txt");
        assertEquals(file + "\u00000000000007", PaperDocuments.orderKey(new Occurrence(file, 7, "")));
        assertEquals(file + "\u00000000000000", PaperDocuments.orderKey(new Occurrence(file, 0, "")));
        assertEquals(file + "\u00002147483647", PaperDocuments.orderKey(new Occurrence(file, Integer.MAX_VALUE, "")));
        Random random = new Random(11);
        for (int i = 0; i < 2000; i++) {
            int line = random.nextInt(4) == 0 ? -random.nextInt(1000) : random.nextInt(Integer.MAX_VALUE);
            assertEquals(file + "\u0000" + String.format("%010d", line),
                    PaperDocuments.orderKey(new Occurrence(file, line, "")), "line " + line);
        }
    }
}
