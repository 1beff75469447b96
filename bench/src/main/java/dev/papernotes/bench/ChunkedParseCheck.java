package dev.papernotes.bench;

import dev.papernotes.notes.NoteChunks;
import dev.papernotes.notes.NoteModel;
import dev.papernotes.notes.NoteParser;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Checks the parse an edited note gets ({@link NoteChunks}: the stretches an edit changed parsed
 * again, the others reused) against a parse of the whole note, on real notes: every note of the
 * given folders (extracted from fetched mirrors; nothing of them is kept), then edited at random a
 * few times as typing does, each version compared. Prints per folder how many notes could be split
 * at all, the stretches per note, the versions compared and every mismatch.
 *
 * <pre>
 * java -cp bench.jar:papernotes.jar dev.papernotes.bench.ChunkedParseCheck [--edits 5] VAULT...
 * </pre>
 */
public final class ChunkedParseCheck {
    private ChunkedParseCheck() {
    }

    public static void main(String[] args) throws IOException {
        int edits = 5;
        List<Path> vaults = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--edits")) {
                edits = Integer.parseInt(args[++i]);
            } else {
                vaults.add(Path.of(args[i]));
            }
        }
        int totalMismatches = 0;
        for (Path vault : vaults) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(vault)) {
                files = s.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p)).sorted().toList();
            }
            Random random = new Random(20261130);
            int notes = 0;
            int whole = 0;
            int versions = 0;
            int mismatches = 0;
            long wholeNanos = 0;
            long editedNanos = 0;
            for (Path f : files) {
                String text;
                try {
                    text = Files.readString(f);
                } catch (MalformedInputException e) {
                    continue; // not UTF-8: the server reads it the same way and skips it
                }
                notes++;
                NoteChunks chunks = null;
                for (int e = 0; e <= edits; e++) {
                    long t0 = System.nanoTime();
                    NoteModel expected = NoteParser.parse(text);
                    long t1 = System.nanoTime();
                    NoteChunks.Parsed parsed = NoteChunks.parse(text, null, chunks);
                    long t2 = System.nanoTime();
                    if (e > 0) {
                        wholeNanos += t1 - t0;
                        editedNanos += t2 - t1;
                    } else if (parsed.chunks() == null) {
                        whole++;
                    }
                    versions++;
                    if (!same(expected, parsed.model())) {
                        mismatches++;
                        System.out.printf(Locale.ROOT, "MISMATCH %s after %d edits%n", f, e);
                    }
                    chunks = parsed.chunks();
                    int at = random.nextInt(text.length() + 1);
                    text = text.substring(0, at) + (random.nextBoolean() ? "x" : "\n") + text.substring(at);
                }
            }
            totalMismatches += mismatches;
            System.out.printf(Locale.ROOT, "%s: %d notes, %d in one piece (one stretch, or link reference definitions), %d versions compared, %d mismatches;"
                    + " after an edit %.3f ms per note (whole parse %.3f ms)%n", vault.getFileName(), notes, whole,
                    versions, mismatches, editedNanos / 1e6 / Math.max(1, versions - notes),
                    wholeNanos / 1e6 / Math.max(1, versions - notes));
        }
        if (totalMismatches > 0) {
            System.exit(1);
        }
    }

    private static boolean same(NoteModel a, NoteModel b) {
        return a.prose().equals(b.prose()) && a.wikiLinks().equals(b.wikiLinks()) && a.links().equals(b.links())
                && a.citations().equals(b.citations()) && a.headings().equals(b.headings())
                && a.blockIds().equals(b.blockIds()) && a.aliases().equals(b.aliases());
    }
}
