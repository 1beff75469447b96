package dev.papernotes.index;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PayloadAttribute;
import org.apache.lucene.search.suggest.document.SuggestField;
import org.apache.lucene.util.BytesRef;

/**
 * A completion input, indexed as {@link SuggestField} indexes it with the keyword analyzer of
 * {@link IndexSchema#completionAnalyzer()}: one term, the input's UTF-8 bytes, whose payload is
 * the surface form, the weight and the type. Lucene gets there by building an automaton of the
 * token stream and walking its one path, 3-4 % of a first build; inputs are normalized before they
 * get here ({@link dev.papernotes.names.NameKeys}), so the term is the input as it is.
 */
final class CompletionInput extends SuggestField {
    private final int weight;

    CompletionInput(String name, String value, int weight) {
        super(name, value, weight); // rejects the characters the completion FSTs reserve
        this.weight = weight;
    }

    @Override
    public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
        OneTerm stream = reuse instanceof OneTerm same ? same : new OneTerm();
        BytesRef input = new BytesRef(stringValue());
        // SuggestField's payload: VInt length, the surface form, VInt weight + 1, the type.
        byte[] payload = new byte[5 + input.length + 5 + 1];
        int at = vInt(payload, 0, input.length);
        System.arraycopy(input.bytes, input.offset, payload, at, input.length);
        at = vInt(payload, at + input.length, weight + 1);
        payload[at++] = type();
        stream.set(input, new BytesRef(payload, 0, at));
        return stream;
    }

    /** Writes {@code v} as Lucene's DataOutput.writeVInt does; returns the position after it. */
    private static int vInt(byte[] out, int at, int v) {
        while ((v & ~0x7F) != 0) {
            out[at++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out[at++] = (byte) v;
        return at;
    }

    /** One token: the term bytes and their payload. */
    private static final class OneTerm extends TokenStream {
        private final BytesTermAttribute term = addAttribute(BytesTermAttribute.class);
        private final PayloadAttribute payload = addAttribute(PayloadAttribute.class);
        private BytesRef bytes;
        private BytesRef payloadBytes;
        private boolean done;

        void set(BytesRef bytes, BytesRef payloadBytes) {
            this.bytes = bytes;
            this.payloadBytes = payloadBytes;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            done = false;
        }

        @Override
        public boolean incrementToken() {
            if (done) {
                return false;
            }
            clearAttributes();
            term.setBytesRef(bytes);
            payload.setPayload(payloadBytes);
            done = true;
            return true;
        }
    }
}
