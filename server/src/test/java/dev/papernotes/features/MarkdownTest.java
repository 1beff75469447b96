package dev.papernotes.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

class MarkdownTest {
    private static final Parser PARSER = Parser.builder().extensions(List.of(AutolinkExtension.create())).build();

    /** Renders to plain text only: no node but Text (and the paragraph around it). */
    private static String literal(String markdown) {
        Node doc = PARSER.parse(markdown);
        StringBuilder text = new StringBuilder();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Link l) {
                throw new AssertionError("link from: " + markdown);
            }

            @Override
            public void visit(Image i) {
                throw new AssertionError("image from: " + markdown);
            }

            @Override
            public void visit(HtmlInline h) {
                throw new AssertionError("html from: " + markdown);
            }

            @Override
            public void visit(Code c) {
                // URLs are shown as code, where no renderer links them; nothing else may be code.
                if (!c.getLiteral().matches("(?i)([a-z][a-z0-9+.-]*://|www\\.)\\S*")) {
                    throw new AssertionError("code from: " + markdown);
                }
                text.append(c.getLiteral());
            }

            @Override
            public void visit(Emphasis e) {
                throw new AssertionError("emphasis from: " + markdown);
            }

            @Override
            public void visit(StrongEmphasis e) {
                throw new AssertionError("strong from: " + markdown);
            }
        });
        return text.toString();
    }

    @Test
    void craftedTitlesStayLiteralText() {
        for (String title : List.of(
                "[click](command:workbench.action.terminal.new)",
                "![img](http://evil/x.png) and <script>alert(1)</script>",
                "Visit https://example.com/x or www.example.com now",
                "**bold** _em_ `code` ~~strike~~ $x$",
                "# Heading", "- list", "1. numbered", "> quote", "&amp; entity",
                "PixArt-$α$: Fast Training", "LEOPARD : A Vision Language Model")) {
            assertEquals(title, literal(Markdown.escape(title)), title);
        }
    }

    @Test
    void ordinaryTitlesStayReadable() {
        assertEquals("Prepacking: A Simple Method for Fast Prefilling (v2).",
                Markdown.escape("Prepacking: A Simple Method for Fast Prefilling (v2)."));
    }

    @Test
    void randomTextNeverBecomesMarkup() {
        Random random = new Random(42);
        String alphabet = "ab \\`*_[]()<>&~$|#-+>=!:/.w1\"'{}";
        for (int n = 0; n < 5000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + random.nextInt(30);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = sb.toString().strip();
            if (s.isEmpty()) {
                continue;
            }
            String rendered = literal(Markdown.escape(s));
            assertFalse(rendered.isEmpty() && !s.isBlank(), s);
        }
    }

    @Test
    void urlsAreFoundWhereverThePatternFindsThem() {
        assertEquals("see `https://x.org/a` and `WWW.x.org`", Markdown.escape("see https://x.org/a and WWW.x.org"));
        // The quick check before the pattern may say yes too often, never too rarely.
        Random random = new Random(7);
        String[] pieces = {"ftp", "://", ":/", "ww", "w", "W", ".", "x", " ", "(", "www", "WwW", "@", "a1", "-"};
        int urls = 0;
        for (int n = 0; n < 20000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + random.nextInt(8);
            for (int i = 0; i < len; i++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = sb.toString();
            boolean found = Markdown.URL.matcher(s).find();
            if (found) {
                urls++;
                assertTrue(Markdown.mayHoldUrl(s), s);
                assertTrue(Markdown.escape(s).contains("`"), s);
            }
        }
        assertTrue(urls > 1000, "too few URLs drawn: " + urls);
    }

    @Test
    void codeCannotBeBrokenOutOf() {
        assertEquals("``a`b``", Markdown.code("a`b"));
    }
}
