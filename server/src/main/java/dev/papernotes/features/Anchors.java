package dev.papernotes.features;

import dev.papernotes.notes.MarkdownLinks;

/** How a heading is written after {@code #} in a link, in the form the link already uses. */
final class Anchors {
    private Anchors() {
    }

    /** In a wiki link: the heading's text, without the characters a wiki link cannot hold (Obsidian drops {@code :} too). */
    static String wikiAnchor(String heading) {
        return heading.replaceAll("[#|^:\\[\\]]", " ").replaceAll("\\s+", " ").strip();
    }

    /**
     * In a Markdown link: a slug ({@code my-heading}) when the old anchor was one, else the heading
     * itself, percent-encoded as Obsidian writes it ({@code My%20Heading}).
     */
    static String markdownAnchor(String heading, String oldAnchor) {
        return markdownAnchor(heading, oldAnchor, false);
    }

    static String markdownAnchor(String heading, String oldAnchor, boolean angled) {
        boolean slugForm = oldAnchor != null && oldAnchor.equals(oldAnchor.toLowerCase(java.util.Locale.ROOT))
                && !oldAnchor.contains(" ");
        if (slugForm) {
            return MarkdownLinks.slug(heading);
        }
        String text = wikiAnchor(heading);
        return angled ? text : MarkdownLinks.encode(text);
    }
}
