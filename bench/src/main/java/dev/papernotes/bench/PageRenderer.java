package dev.papernotes.bench;

import java.nio.charset.StandardCharsets;

/**
 * Renders one planned page to bytes exactly in the seed's format: the four header lines and the
 * date line, then title and abstract lines, each followed by a blank line except the very last
 * line (the seed pages end without a line end). Applies the page's damage, if any.
 *
 * <p>Not thread-safe; one per thread.
 */
final class PageRenderer {
    static final byte[] HEADER = ("new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\n"
            + "byAK and the research community\n\n").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEPARATOR = {'\n', '\n'};
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] INVALID = {(byte) 0xFF, (byte) 0xFE, (byte) 0x80, (byte) 0xC3};

    private final PaperFactory factory;
    private final ByteBuf buf = new ByteBuf(1 << 18);
    private int[] absStart = new int[256];
    private int[] absEnd = new int[256];

    PageRenderer(CorpusModel model) {
        this.factory = new PaperFactory(model);
    }

    /** The page's bytes; valid until the next call. */
    ByteBuf render(PagePlanner.Page page) {
        buf.clear();
        buf.append(HEADER).append(page.date());
        long[] papers = page.papers();
        if (absStart.length < papers.length) {
            absStart = new int[papers.length];
            absEnd = new int[papers.length];
        }
        for (int i = 0; i < papers.length; i++) {
            PaperFactory.Info info = factory.info(papers[i]);
            buf.append(SEPARATOR).append(info.title()).append(SEPARATOR);
            absStart[i] = buf.length();
            factory.appendAbstract(info, buf);
            absEnd[i] = buf.length();
        }
        if (page.damage() != null) {
            damage(page, papers.length);
        }
        return buf;
    }

    private void damage(PagePlanner.Page page, int n) {
        Rng r = new Rng(page.damageSeed());
        switch (page.damage()) {
            case MISSING_ABSTRACT -> {
                int i = n >= 2 ? r.nextInt(n - 1) : 0;
                buf.remove(absStart[i] - SEPARATOR.length, absEnd[i]);
            }
            case TITLE_AT_EOF -> buf.remove(absStart[n - 1] - SEPARATOR.length, absEnd[n - 1]);
            case BOM -> buf.insert(0, BOM);
            case INVALID_UTF8 -> {
                int i = r.nextInt(n);
                int at = absStart[i] + (absEnd[i] - absStart[i]) / 2;
                while (at < absEnd[i] && buf.get(at) != ' ') {
                    at++;
                }
                buf.insert(at, new byte[] {INVALID[r.nextInt(INVALID.length)]});
            }
            case CRLF -> {
                ByteBuf crlf = new ByteBuf(buf.length() + buf.length() / 50);
                for (int i = 0; i < buf.length(); i++) {
                    byte b = buf.get(i);
                    if (b == '\n') {
                        crlf.append((byte) '\r');
                    }
                    crlf.append(b);
                }
                buf.clear();
                buf.append(crlf);
            }
        }
    }
}
