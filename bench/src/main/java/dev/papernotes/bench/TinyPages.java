package dev.papernotes.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes daily-papers pages of tiny papers (a short title and a one-line abstract each), the
 * shapes of the hardening issue's memory attack: one 20 MB page of a million papers, or twenty
 * thousand small pages. Deterministic; for {@code bench/run-index-memory.sh}.
 *
 * <pre>java -cp papernotes-bench.jar dev.papernotes.bench.TinyPages PAPERS PER_FILE OUTDIR</pre>
 */
public final class TinyPages {
    private TinyPages() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: TinyPages PAPERS PER_FILE OUTDIR");
            System.exit(2);
        }
        long papers = Long.parseLong(args[0]);
        long perFile = Long.parseLong(args[1]);
        Path out = Files.createDirectories(Path.of(args[2]));
        long written = 0;
        for (int file = 0; written < papers; file++) {
            Path page = out.resolve(String.format("tiny-%06d.txt", file));
            try (BufferedWriter w = Files.newBufferedWriter(page, StandardCharsets.UTF_8)) {
                w.write("Mar 11\n\n");
                for (long i = 0; i < perFile && written < papers; i++, written++) {
                    String k = Long.toString(written, 36);
                    // one page of a million: "Pk3f9" / "We test k3f9." (about 22 bytes a paper)
                    if (perFile >= 1000) {
                        w.write("P" + k + "\n\nWe test " + k + ".\n\n");
                    } else {
                        w.write("Paper " + k + ": small model\n\nWe test " + k + " on data.\n\n");
                    }
                }
            }
        }
    }
}
