package dev.papernotes.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.papernotes.TestPage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;

/**
 * A small corpus written for the mention rules, in the daily-papers format: a coined name, a name
 * the corpus uses as a word ("Prism"), an acronym other papers define for themselves ("MOT"), short
 * all-caps names with and without a twin ("TSM", "RAIN"), a capitalized word others write in lower
 * case ("Lantern"), a name only an abstract gives, not the title ("Kestrel"), and a name the paper
 * also writes with a version ("Zephyrine 2"), a title that starts with a phrase of common words
 * ("Strong Baselines") and a title that is one ("Public Benchmarks"), and a coined name ("HallowBench").
 */
final class MentionFixtures {
    private MentionFixtures() {
    }

    static Path writeCorpus(Path dir) throws IOException {
        TestPage page = new TestPage();
        page.paper("PaLM: Scaling Language Modeling with Pathways",
                "We train PaLM, a dense decoder-only language model of 540 billion parameters, on the Pathways"
                        + " system across thousands of accelerator chips.");
        page.paper("TSM: Token Slimming Module for Efficient Vision Transformers",
                "We introduce the Token Slimming Module (TSM), which merges redundant tokens of a vision transformer"
                        + " into a few slim ones and keeps accuracy.");
        page.paper("Prism: Feature Attribution through Many Views",
                "We present Prism, which attributes the decisions of image classifiers to input features by"
                        + " combining many perturbed views.");
        page.paper("MOT: Motion Tokens for Video Generation",
                "We propose MOT, discrete motion tokens that let a video generator plan movement before it"
                        + " renders appearance.");
        page.paper("RAIN: Retrieval Augmented Inference for Question Answering",
                "We propose RAIN, which retrieves passages at inference time and conditions the reader on them to"
                        + " answer open questions.");
        page.paper("RAIN: Robust Adversarial Image Noise",
                "We propose RAIN, a family of image perturbations that stay robust to resizing and compression"
                        + " while fooling classifiers.");
        page.paper("Lantern: Lighting Up Dense Passage Ranking",
                "We present Lantern, a dense passage ranker that distils a cross-encoder into a bi-encoder with"
                        + " hard negatives.");
        page.paper("Gossamer Attention for Long Documents",
                "Long documents strain attention. We propose Kestrel, a gossamer attention that keeps a thin"
                        + " global summary of the whole document.");
        page.paper("Zephyrine: Fast Sampling for Diffusion Models",
                "We propose Zephyrine, a sampler that needs four steps, and release Zephyrine 2 with a distilled"
                        + " noise schedule.");
        page.paper("HallowBench: Diagnosing Language Hallucination in Vision-Language Models",
                "We present HallowBench, a suite of image-question pairs that separates language hallucination from"
                        + " visual illusion.");
        // A title that starts with a phrase of words every abstract here writes, and a title that is one.
        page.paper("Strong Baselines: Calibrated Rankers for Passage Retrieval",
                "We present Strong Baselines, which calibrate the scores of dense rankers so that passage retrieval"
                        + " needs no reranking stage.");
        page.paper("Public Benchmarks",
                "We survey the public benchmarks of passage ranking and the leaks between their splits.");
        // Other papers that write "prism" as a word, define MOT as their task, and write "lantern".
        for (String use : new String[] {"a prism of viewpoints", "seen through a prism", "the prism of robustness",
                "a prism on fairness"}) {
            page.paper("A Study of Views Number " + use.length(),
                    "We look at classifiers through " + use + " and measure how stable their explanations are"
                            + " across datasets.");
        }
        for (String who : new String[] {"pedestrians", "vehicles"}) {
            page.paper("Tracking " + who + " in Crowds",
                    "Multi-object tracking (MOT) of " + who + " suffers from occlusion; we associate detections with"
                            + " a learned motion prior.");
        }
        page.paper("Night Scenes for Detection",
                "A paper lantern lights the scene in our night dataset of street images for object detection"
                        + " under low light.");
        return page.writeCorpus(dir);
    }

    /** A ready server on {@code notes} over the fixture corpus, with extra initialization options. */
    static LspTestClient start(Path tmp, Path notes, JsonObject extra) throws Exception {
        Path corpus = writeCorpus(tmp);
        LspTestClient client = new LspTestClient();
        JsonObject options = extra == null ? new JsonObject() : extra.deepCopy();
        JsonArray roots = new JsonArray();
        roots.add(corpus.toString());
        options.add("corpus", roots);
        options.addProperty("indexDir", tmp.resolve("index").toString());
        client.configuration = options;
        client.initialize(notes, options);
        client.awaitReady();
        return client;
    }

    static Hover hover(LspTestClient client, String uri, Cursor c) throws Exception {
        client.open(uri, c.text());
        return client.server().getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(uri), c.position())).get(20, TimeUnit.SECONDS);
    }

    static String text(Hover h) {
        return h == null ? null : h.getContents().getRight().getValue();
    }
}
