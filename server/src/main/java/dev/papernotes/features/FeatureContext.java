package dev.papernotes.features;

import dev.papernotes.config.Settings;
import dev.papernotes.corpus.Occurrence;
import dev.papernotes.index.PaperIndex;
import dev.papernotes.workspace.NoteAnalysis;
import dev.papernotes.workspace.NoteDocument;
import dev.papernotes.workspace.NoteWorkspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a request is answered from: one index snapshot, the workspace's notes, the settings, and
 * the corpus roots that every location must stay inside.
 *
 * @param markdown whether the client renders Markdown in hovers and documentation
 */
public record FeatureContext(PaperIndex index, NoteWorkspace workspace, Settings settings, List<Path> corpusRoots,
        boolean markdown) {

    public NoteAnalysis analysis(NoteDocument doc) throws IOException {
        return workspace.analysis(doc, index);
    }

    /**
     * Only occurrences in files under the corpus roots are ever shown or linked. The index stores
     * real paths (links were resolved, and ones leading out refused, when it was built), so a
     * lexical check is enough here and costs no system call.
     */
    public boolean inCorpus(Occurrence o) {
        Path file = o.file().normalize();
        for (Path root : corpusRoots) {
            if (file.startsWith(root)) {
                return true;
            }
        }
        return false;
    }
}
