package dev.papernotes.index;

/** The short "who, when, where" of a paper: {@code Vaswani et al. 2017, NeurIPS}. */
final class Bylines {
    private Bylines() {
    }

    static String of(String firstFamily, boolean more, String year, String venue) {
        StringBuilder sb = new StringBuilder();
        if (!firstFamily.isEmpty()) {
            sb.append(firstFamily).append(more ? " et al." : "");
        }
        if (!year.isEmpty()) {
            sb.append(sb.length() > 0 ? " " : "").append(year);
        }
        if (!venue.isEmpty()) {
            String v = venue.length() > 60 ? venue.substring(0, 57) + "…" : venue;
            sb.append(sb.length() > 0 ? ", " : "").append(v);
        }
        return sb.toString();
    }
}
