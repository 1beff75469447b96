package dev.papernotes.bench;

/**
 * The real-world damage a page may carry (PRODUCT.md, "The corpus format"), injected with
 * {@code --damage FRACTION} for robustness tests. Each damaged page carries one kind; no entry
 * is lost, so a reader that keeps "everything readable" still finds every paper.
 */
enum Damage {
    /** One entry's abstract line is missing: a title directly followed by the next title. */
    MISSING_ABSTRACT,
    /** The last entry's abstract is missing: the file ends on a title line. */
    TITLE_AT_EOF,
    /** CRLF line ends. */
    CRLF,
    /** A UTF-8 byte order mark before the first line. */
    BOM,
    /** A stray byte that is not valid UTF-8 inside one abstract. */
    INVALID_UTF8
}
