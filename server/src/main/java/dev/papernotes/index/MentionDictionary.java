package dev.papernotes.index;

import java.io.Closeable;
import java.io.IOException;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IntsRefBuilder;
import org.apache.lucene.util.fst.FST;
import org.apache.lucene.util.fst.FSTCompiler;
import org.apache.lucene.util.fst.OffHeapFSTStore;
import org.apache.lucene.util.fst.PositiveIntOutputs;
import org.apache.lucene.util.fst.Util;

/**
 * Every method name and full title, exactly as written, in one FST that is walked character by
 * character over a note: finding bare mentions costs a few arc reads per word instead of one
 * lookup per candidate phrase, and the FST lives in a memory-mapped file, not on the heap.
 *
 * <p>The output of an entry is the number of papers that carry it (more than one: the mention is
 * ambiguous) and how the rest of the corpus uses it ({@link NameUsage}), decided at commit so a
 * keystroke reads it with the match, for free.
 */
public final class MentionDictionary implements Closeable {
    private static final String CODEC = "papernotes-mentions";
    /** Bump whenever what is written changes, {@link NameUsage}'s rules included: an index keeps its dictionary until then. */
    private static final int VERSION = 7;
    /** Low bits of an output: {@link NameUsage} flags; the rest: how many papers carry the entry. */
    private static final int FLAG_BITS = 3;
    /** Many other papers use the string for something general: never a bare mention. */
    public static final int GENERIC = NameUsage.GENERIC;
    /** Other papers also write it as an ordinary word: a bare mention needs evidence. */
    public static final int ORDINARY = NameUsage.ORDINARY;
    /** No paper carrying it has it in its title or defines it: a bare mention needs evidence. */
    public static final int UNOWNED = NameUsage.UNOWNED;

    private final FST<Long> fst;
    private final IndexInput input;

    private MentionDictionary(FST<Long> fst, IndexInput input) {
        this.fst = fst;
        this.input = input;
    }

    /** Builds the dictionary from the live {@code mention} terms of {@code reader}, in memory. */
    static MentionDictionary build(IndexReader reader) throws IOException {
        FSTCompiler<Long> compiler = compile(reader);
        FST.FSTMetadata<Long> meta = compiler.compile();
        FST<Long> fst = meta == null ? null : FST.fromFSTReader(meta, compiler.getFSTReader());
        return new MentionDictionary(fst, null);
    }

    /**
     * Writes the dictionary of {@code reader} to {@code fileName} in {@code dir}, with a checksum.
     * The FST's bytes go to a temporary file as they are compiled and are copied behind the
     * header, so the heap holds only the compiler's frontier, not the dictionary (150 MB at a
     * million papers).
     */
    static void write(IndexReader reader, Directory dir, String fileName) throws IOException {
        String temp;
        FST.FSTMetadata<Long> meta;
        try (IndexOutput bytes = dir.createTempOutput(fileName, "fst", IOContext.DEFAULT)) {
            temp = bytes.getName();
            meta = compile(reader, bytes).compile();
        }
        try {
            try (IndexOutput out = dir.createOutput(fileName, IOContext.DEFAULT);
                    IndexInput in = dir.openInput(temp, IOContext.READONCE)) {
                CodecUtil.writeHeader(out, CODEC, VERSION);
                out.writeByte((byte) (meta == null ? 0 : 1));
                if (meta != null) {
                    meta.save(out);
                    out.copyBytes(in, meta.getNumBytes());
                }
                CodecUtil.writeFooter(out);
            }
        } finally {
            dir.deleteFile(temp);
        }
        dir.sync(java.util.List.of(fileName));
    }

    /** Whether {@code fileName} was written by this version of {@link #write} (else it is written again). */
    static boolean isCurrent(Directory dir, String fileName) {
        try (IndexInput in = dir.openInput(fileName, IOContext.READONCE)) {
            CodecUtil.checkHeader(in, CODEC, VERSION, VERSION);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Opens a dictionary checking its header and footer only (a truncated or foreign file fails
     * here); {@link #verify} reads every byte, which at a million papers is 150 MB: the store
     * runs it after the index is already serving.
     */
    static MentionDictionary openUnverified(Directory dir, String fileName) throws IOException {
        IndexInput in = dir.openInput(fileName, IOContext.DEFAULT);
        try {
            CodecUtil.retrieveChecksum(in);
            in.seek(0);
            CodecUtil.checkHeader(in, CODEC, VERSION, VERSION);
            if (in.readByte() == 0) {
                in.close();
                return new MentionDictionary(null, null);
            }
            FST.FSTMetadata<Long> meta = FST.readMetadata(in, PositiveIntOutputs.getSingleton());
            FST<Long> fst = FST.fromFSTReader(meta, new OffHeapFSTStore(in, in.getFilePointer(), meta));
            return new MentionDictionary(fst, in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Whether every byte of the file matches its checksum. Read on an input of its own, closed
     * after: on the input kept for lookups, the check would leave the whole file mapped and
     * resident in the server's memory, when lookups touch only the arcs they walk.
     */
    static boolean verify(Directory dir, String fileName) {
        try (IndexInput check = dir.openInput(fileName, IOContext.READONCE)) {
            CodecUtil.checksumEntireFile(check);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static FSTCompiler<Long> compile(IndexReader reader) throws IOException {
        return compile(reader, null);
    }

    /** Compiles into {@code out} when given (the bytes are then not kept), else on the heap. */
    private static FSTCompiler<Long> compile(IndexReader reader, IndexOutput out) throws IOException {
        PositiveIntOutputs outputs = PositiveIntOutputs.getSingleton();
        FSTCompiler.Builder<Long> builder = new FSTCompiler.Builder<>(FST.INPUT_TYPE.BYTE1, outputs).suffixRAMLimitMB(0);
        if (out != null) {
            builder.dataOutput(out);
        }
        FSTCompiler<Long> compiler = builder.build();
        Terms terms = MultiTerms.getTerms(reader, IndexSchema.MENTION);
        if (terms == null) {
            return compiler;
        }
        Bits live = MultiBits.getLiveDocs(reader);
        NameUsage usage = new NameUsage(reader);
        TermsEnum te = terms.iterator();
        IntsRefBuilder scratch = new IntsRefBuilder();
        PostingsEnum postings = null;
        BytesRef term;
        int[] owners = new int[NameUsage.OWNERS_READ];
        while ((term = te.next()) != null) {
            postings = te.postings(postings, PostingsEnum.NONE);
            long count = 0;
            for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                if (live == null || live.get(d)) {
                    if (count < owners.length) {
                        owners[(int) count] = d;
                    }
                    count++;
                }
            }
            if (count > 0) {
                int flags = usage.flags(term.utf8ToString(), count, owners);
                compiler.add(Util.toIntsRef(term, scratch), (count << FLAG_BITS) | flags);
            }
        }
        return compiler;
    }

    /** Receives the entries found at one start position. */
    public interface Hit {
        /**
         * @param end   exclusive end of the entry in the text
         * @param count how many papers carry this exact name
         */
        void accept(int end, long count);
    }

    /** Receives the entries found at one start position, with how the corpus uses each. */
    public interface FlaggedHit {
        /**
         * @param end   exclusive end of the entry in the text
         * @param count how many papers carry this exact name
         * @param flags {@link #GENERIC}, {@link #ORDINARY}, {@link #UNOWNED}
         */
        void accept(int end, long count, int flags);
    }

    /** A cursor for one scan of one text; not shared between threads. */
    public Walker walker() {
        return new Walker();
    }

    public final class Walker {
        private final FST.BytesReader reader = fst == null ? null : fst.getBytesReader();
        private final FST.Arc<Long> arc = new FST.Arc<>();
        private final byte[] utf8 = new byte[4];

        /**
         * Walks the dictionary from {@code start} and reports every entry that matches the text
         * there, shortest first. A run of whitespace in the text matches one space in an entry.
         *
         * @param limit where the walk must stop (exclusive)
         */
        public void matchesAt(CharSequence text, int start, int limit, Hit hit) throws IOException {
            matchesAt(text, start, limit, (FlaggedHit) (end, count, flags) -> hit.accept(end, count));
        }

        /** The UTF-8 bytes of the last {@link #step}. */
        private int stepBytes;

        /**
         * Whether some entry starts with the text in {@code [start, limit)} (a run of whitespace
         * standing for one space): "Swin T" begins "Swin Transformer V2".
         */
        public boolean startsAnEntry(CharSequence text, int start, int limit) throws IOException {
            if (fst == null || start >= limit || Character.isWhitespace(text.charAt(start))) {
                return false;
            }
            fst.getFirstArc(arc);
            for (int i = start; i < limit; ) {
                int next = step(text, i, limit);
                for (int b = 0; b < stepBytes; b++) {
                    if (fst.findTargetArc(utf8[b] & 0xff, arc, arc, reader) == null) {
                        return false;
                    }
                }
                i = next;
            }
            return true;
        }

        /** As {@link #matchesAt(CharSequence, int, int, Hit)}, with each entry's {@link NameUsage} flags. */
        public void matchesAt(CharSequence text, int start, int limit, FlaggedHit hit) throws IOException {
            if (fst == null) {
                return;
            }
            fst.getFirstArc(arc);
            long output = 0;
            int i = start;
            while (i < limit) {
                boolean space = Character.isWhitespace(text.charAt(i));
                if (space && i == start) {
                    return;
                }
                int next = step(text, i, limit);
                for (int b = 0; b < stepBytes; b++) {
                    if (fst.findTargetArc(utf8[b] & 0xff, arc, arc, reader) == null) {
                        return;
                    }
                    output += arc.output();
                }
                i = next;
                if (!space && arc.isFinal()) {
                    long value = output + arc.nextFinalOutput();
                    hit.accept(i, value >>> FLAG_BITS, (int) (value & ((1 << FLAG_BITS) - 1)));
                }
            }
        }

        /**
         * Puts the UTF-8 bytes of the character at {@code i} in {@link #utf8} (a run of whitespace
         * as one space) and their count in {@link #stepBytes}; returns where the next one starts.
         */
        private int step(CharSequence text, int i, int limit) {
            char c = text.charAt(i);
            int next = i + 1;
            if (Character.isWhitespace(c)) {
                while (next < limit && Character.isWhitespace(text.charAt(next))) {
                    next++;
                }
                utf8[0] = ' ';
                stepBytes = 1;
                return next;
            }
            int cp = c;
            if (Character.isHighSurrogate(c) && next < limit && Character.isLowSurrogate(text.charAt(next))) {
                cp = Character.toCodePoint(c, text.charAt(next));
                next++;
            }
            stepBytes = encode(cp, utf8);
            return next;
        }
    }

    private static int encode(int cp, byte[] out) {
        if (Character.isSurrogate((char) cp) && cp < 0x10000) {
            cp = 0xFFFD; // a lone surrogate cannot be in any entry
        }
        if (cp < 0x80) {
            out[0] = (byte) cp;
            return 1;
        } else if (cp < 0x800) {
            out[0] = (byte) (0xC0 | (cp >> 6));
            out[1] = (byte) (0x80 | (cp & 0x3F));
            return 2;
        } else if (cp < 0x10000) {
            out[0] = (byte) (0xE0 | (cp >> 12));
            out[1] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            out[2] = (byte) (0x80 | (cp & 0x3F));
            return 3;
        }
        out[0] = (byte) (0xF0 | (cp >> 18));
        out[1] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        out[2] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        out[3] = (byte) (0x80 | (cp & 0x3F));
        return 4;
    }

    @Override
    public void close() throws IOException {
        if (input != null) {
            input.close();
        }
    }
}
