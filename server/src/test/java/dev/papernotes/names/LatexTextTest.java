package dev.papernotes.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** BibTeX field LaTeX to Unicode, and the conservative clean-up of titles left as it was. */
class LatexTextTest {
    @Test
    void accentsInEveryWayBibtexWritesThem() {
        assertEquals("Müller Müller Müller", LatexText.toUnicode("M{\\\"u}ller M\\\"{u}ller M\\\"uller"));
        assertEquals("García Jiří Škoda Dvořák", LatexText.toUnicode("Garc{\\'\\i}a Ji\\v{r}{\\'\\i} {\\v S}koda Dvo\\v{r}\\'ak"));
        assertEquals("Ångström façade Łódź", LatexText.toUnicode("{\\AA}ngstr\\\"om fa\\c{c}ade {\\L}\\'od\\'z"));
        assertEquals("ß ø æ œ", LatexText.toUnicode("\\ss{} \\o{} {\\ae} {\\oe}"));
        assertEquals("æœ", LatexText.toUnicode("\\ae \\oe"), "as in TeX, a control word eats the space after it");
    }

    @Test
    void typographyAndFormatting() {
        assertEquals("1–2 — “quoted” O'Brien's", LatexText.toUnicode("1--2 --- ``quoted'' O'Brien's"));
        assertEquals("An emphasised word and bold", LatexText.toUnicode("An \\emph{emphasised} word and \\textbf{bold}"));
        assertEquals("BERT and GPT-4 models", LatexText.toUnicode("{{BERT}} and {GPT}-4 models"));
        assertEquals("link text and “quote”", LatexText.toUnicode("\\href{https://x.org/a_b}{link text} and \\enquote{quote}"));
        assertEquals("a & b 10% $5 #1 x_y", LatexText.toUnicode("a \\& b 10\\% \\$5 \\#1 x\\_y"));
        assertEquals("PixArt-α on G stack", LatexText.toUnicode("PixArt-$\\alpha$ on G~stack"));
        assertEquals("see", LatexText.toUnicode("see\\cite{key}"));
        assertEquals("one line", LatexText.toUnicode("one\n   line"));
    }

    @Test
    void theTitleCleanUpIsUnchanged() {
        assertEquals("PixArt-α", LatexText.clean("PixArt-$\\alpha$"));
        assertEquals("Model (RAM++)", LatexText.clean("Model~(RAM++)"));
        assertEquals("M2 and a--b and ``x''", LatexText.clean("M^2 and a--b and ``x''"));
    }

    @Test
    void anyInputGivesAnAnswer() {
        Random r = new Random(7);
        String alphabet = "{}\\$~^_-`'\"aZ \n&%#=.ucvHk0";
        for (int i = 0; i < 5000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = r.nextInt(30); j > 0; j--) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String out = LatexText.toUnicode(sb.toString());
            assertEquals(out.strip(), out, "no surrounding space for " + sb);
            LatexText.clean(sb.toString());
        }
    }
}
