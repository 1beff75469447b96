package dev.papernotes.lsp.jsonrpc;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The protocol output, written with the caller's interrupt flag set aside: a background job being
 * cancelled (interrupted) while it logs must not close an interruptible channel under everyone else,
 * which would leave the shutdown answer unsent.
 */
public final class UninterruptedOutput extends FilterOutputStream {

    public UninterruptedOutput(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            out.write(b);
        } finally {
            restore(interrupted);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            out.write(b, off, len);
        } finally {
            restore(interrupted);
        }
    }

    @Override
    public void flush() throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            out.flush();
        } finally {
            restore(interrupted);
        }
    }

    private static void restore(boolean interrupted) {
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
