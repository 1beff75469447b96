package dev.papernotes.features;

import dev.papernotes.notes.LineIndex;
import dev.papernotes.notes.NoteModel;
import dev.papernotes.notes.NoteModel.Heading;
import java.util.ArrayList;
import java.util.List;

/**
 * A note's headings as sections: each runs from its heading to the line before the next heading of
 * the same or a higher level, trailing blank lines left out. Outline and folding both read this.
 *
 * @param lastLine the last line of the section that is not blank (at least the heading's own)
 */
record Sections(Heading heading, int firstLine, int lastLine) {

    static List<Sections> of(NoteModel model) {
        LineIndex lines = model.lines();
        String text = model.text();
        List<Heading> headings = model.headings();
        List<Sections> out = new ArrayList<>(headings.size());
        for (int i = 0; i < headings.size(); i++) {
            Heading h = headings.get(i);
            int next = lines.lineCount();
            for (int j = i + 1; j < headings.size(); j++) {
                if (headings.get(j).level() <= h.level()) {
                    next = lines.line(headings.get(j).span().start());
                    break;
                }
            }
            int first = lines.line(h.span().start());
            int headingEnd = lines.line(Math.max(h.span().start(), h.span().end() - 1));
            int last = next - 1;
            while (last > headingEnd && blank(text, lines, last)) {
                last--;
            }
            out.add(new Sections(h, first, Math.max(last, headingEnd)));
        }
        return out;
    }

    private static boolean blank(String text, LineIndex lines, int line) {
        for (int i = lines.lineStart(line); i < lines.lineEnd(line); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
