package dev.papernotes.lsp;

import dev.papernotes.index.UpdateProgress;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Index progress as LSP {@code $/progress}, when the client said it can show it. Reports are
 * throttled: a progress bar does not need a message per kilobyte.
 */
final class Progress implements UpdateProgress, AutoCloseable {
    private final LanguageClient client;
    private final Either<String, Integer> token;
    private final boolean enabled;
    private long total = 1;
    private long done;
    private int lastPercent = -1;
    private long lastSent;
    private String phase = "";

    Progress(LanguageClient client, boolean supported, String title) {
        this.client = client;
        this.token = Either.forLeft("papernotes-" + UUID.randomUUID());
        boolean ok = false;
        if (supported && client != null) {
            try {
                client.createProgress(new WorkDoneProgressCreateParams(token)).get(5, TimeUnit.SECONDS);
                ok = true;
            } catch (Exception e) {
                ok = false;
            }
        }
        this.enabled = ok;
        if (enabled) {
            WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
            begin.setTitle(title);
            begin.setCancellable(false);
            begin.setPercentage(0);
            send(begin);
        }
    }

    @Override
    public void phase(String name) {
        phase = name;
        report(true);
    }

    @Override
    public void reading(long totalBytes) {
        total = Math.max(1, totalBytes);
        done = 0;
    }

    @Override
    public void advance(long bytes) {
        done += bytes;
        report(false);
    }

    void message(String text) {
        phase = text;
        report(true);
    }

    private void report(boolean force) {
        if (!enabled) {
            return;
        }
        int percent = (int) Math.min(100, done * 100 / total);
        long now = System.nanoTime();
        if (!force && (percent == lastPercent || now - lastSent < 100_000_000L)) {
            return;
        }
        lastPercent = percent;
        lastSent = now;
        WorkDoneProgressReport r = new WorkDoneProgressReport();
        r.setMessage(phase);
        r.setPercentage(percent);
        send(r);
    }

    private void send(Object value) {
        if (value instanceof WorkDoneProgressBegin b) {
            client.notifyProgress(new ProgressParams(token, Either.forLeft(b)));
        } else if (value instanceof WorkDoneProgressReport r) {
            client.notifyProgress(new ProgressParams(token, Either.forLeft(r)));
        } else if (value instanceof WorkDoneProgressEnd e) {
            client.notifyProgress(new ProgressParams(token, Either.forLeft(e)));
        }
    }

    void end(String message) {
        if (enabled) {
            WorkDoneProgressEnd e = new WorkDoneProgressEnd();
            e.setMessage(message);
            send(e);
        }
    }

    @Override
    public void close() {
    }
}
