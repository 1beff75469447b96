package dev.papernotes.index;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one update did.
 *
 * @param rebuilt      the index was built from nothing (new, other schema, or damaged)
 * @param filesRead    corpus files read because they were new or changed
 * @param filesRemoved corpus files gone since the last commit
 * @param entries      title/abstract entries read
 * @param papers       distinct papers in the index afterwards
 * @param warnings     damage reported while reading
 * @param committed    whether a new commit was written (false when nothing changed)
 * @param papersWritten paper documents written (new, changed or merged papers); unchanged library
 *                     entries of a file read again write none
 * @param servedMillis  from the start until the changed papers were served; less than {@code millis}
 *                     when the mention dictionary was rebuilt after that
 * @param phaseMillis   how long each phase took ("reading papers", "merging segments", ...), in order
 */
public record UpdateResult(boolean rebuilt, int filesRead, int filesRemoved, long entries, int papers, int warnings,
        boolean committed, long millis, long papersWritten, long servedMillis, Map<String, Long> phaseMillis) {
    public UpdateResult {
        phaseMillis = phaseMillis == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(phaseMillis));
    }

    public UpdateResult(boolean rebuilt, int filesRead, int filesRemoved, long entries, int papers, int warnings,
            boolean committed, long millis, long papersWritten, long servedMillis) {
        this(rebuilt, filesRead, filesRemoved, entries, papers, warnings, committed, millis, papersWritten,
                servedMillis, Map.of());
    }

    public UpdateResult(boolean rebuilt, int filesRead, int filesRemoved, long entries, int papers, int warnings,
            boolean committed, long millis, long papersWritten) {
        this(rebuilt, filesRead, filesRemoved, entries, papers, warnings, committed, millis, papersWritten, millis);
    }

    public UpdateResult(boolean rebuilt, int filesRead, int filesRemoved, long entries, int papers, int warnings,
            boolean committed, long millis) {
        this(rebuilt, filesRead, filesRemoved, entries, papers, warnings, committed, millis, 0);
    }

    /** The phases that took a second or more, as " (reading papers 258.1 s, merging segments 73.6 s)"; else "". */
    public String phases() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Long> e : phaseMillis.entrySet()) {
            if (e.getValue() >= 1000) {
                sb.append(sb.isEmpty() ? " (" : ", ").append(e.getKey())
                        .append(String.format(Locale.ROOT, " %.1f s", e.getValue() / 1000.0));
            }
        }
        return sb.isEmpty() ? "" : sb.append(')').toString();
    }
}
