package dev.papernotes.lsp.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClassNamesTest {
    @Test
    void exceptionClassesGoAndWhatWasSaidStays() {
        assertEquals("Expected BEGIN_OBJECT but was BEGIN_ARRAY at line 1 column 2 path $",
                ClassNames.removed("java.lang.IllegalStateException: Expected BEGIN_OBJECT but was BEGIN_ARRAY at line 1 column 2 path $"));
        assertEquals("simulated disk read failed",
                ClassNames.removed("java.io.UncheckedIOException: java.io.IOException: simulated disk read failed"));
        assertEquals("disk full", ClassNames.removed("IOException: disk full"));
        assertEquals("", ClassNames.removed("java.lang.NullPointerException"));
        assertEquals("", ClassNames.removed(null));
        // Words that merely end like a class are not classes: only dotted or capitalised ...Exception/...Error names go.
        assertEquals("the paper's title has an error in it", ClassNames.removed("the paper's title has an error in it"));
        assertEquals("No note named 'Griffn v2'", ClassNames.removed("No note named 'Griffn v2'"));
    }
}
