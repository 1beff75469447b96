package dev.papernotes.lsp.jsonrpc;

import java.nio.charset.Charset;

/** One step of reading the input: a frame, or something that went wrong between frames. */
sealed interface FrameEvent {

    /** Bytes that belonged to no frame (whitespace alone is not reported). */
    record Skipped(long bytes, byte[] sample, int sampleLength) implements FrameEvent {
    }

    /** A header block that cannot delimit a body; what follows it is scanned as garbage. */
    record BadHeader(String problem) implements FrameEvent {
    }

    /**
     * A delimited frame. {@code charset} is null when the declared one is unusable
     * ({@code charsetProblem} says why); {@code oversized} frames were skipped, not stored.
     */
    record Frame(long declaredLength, Charset charset, String charsetProblem, boolean oversized, Body body)
            implements FrameEvent {
    }

    /** The input has ended. */
    record End() implements FrameEvent {
    }
}
