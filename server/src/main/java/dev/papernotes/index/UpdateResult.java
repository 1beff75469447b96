package dev.papernotes.index;

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
 */
public record UpdateResult(boolean rebuilt, int filesRead, int filesRemoved, long entries, int papers, int warnings,
        boolean committed, long millis, long papersWritten, long servedMillis) {
    public UpdateResult(boolean rebuilt, int filesRead, int filesRemoved, long entries, int papers, int warnings,
            boolean committed, long millis, long papersWritten) {
        this(rebuilt, filesRead, filesRemoved, entries, papers, warnings, committed, millis, papersWritten, millis);
    }

    public UpdateResult(boolean rebuilt, int filesRead, int filesRemoved, long entries, int papers, int warnings,
            boolean committed, long millis) {
        this(rebuilt, filesRead, filesRemoved, entries, papers, warnings, committed, millis, 0);
    }
}
