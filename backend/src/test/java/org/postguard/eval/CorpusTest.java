package org.postguard.eval;

import org.junit.jupiter.api.Test;
import org.postguard.check.Category;
import org.postguard.check.SharedChecker;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/corpus");

    @Test
    void corpusFilesAreWellFormedAndBalanced() throws IOException {
        List<Corpus.Post> all = new ArrayList<>();
        for (String file : List.of("tune.jsonl", "test.jsonl")) {
            List<Corpus.Post> posts = Corpus.read(CORPUS.resolve(file));
            long safe = posts.stream().filter(p -> p.categories().isEmpty()).count();
            assertTrue(safe >= 0.4 * posts.size(), file + ": " + safe + " safe of " + posts.size());
            for (Category c : Category.values()) {
                assertTrue(posts.stream().anyMatch(p -> p.categories().contains(c)), file + " has no " + c);
            }
            all.addAll(posts);
        }
        assertTrue(all.size() >= 800, "posts: " + all.size());
        Set<String> ids = new HashSet<>();
        Set<String> texts = new HashSet<>();
        for (Corpus.Post p : all) {
            assertTrue(ids.add(p.id()), "duplicate id " + p.id());
            assertTrue(!p.text().isBlank(), p.id());
            assertTrue(texts.add(p.text().toLowerCase(java.util.Locale.ROOT).replaceAll("\\W+", " ").strip()), "text repeated: " + p.id());
        }
    }

    /** scripts/agreement's second opinions: the same 300 tuning posts, each label a known category. */
    @Test
    void theAgreementLabelsNameTuningPostsAndKnownCategories() throws IOException {
        Set<String> tune = new HashSet<>();
        Corpus.read(CORPUS.resolve("tune.jsonl")).forEach(p -> tune.add(p.id()));
        List<List<String>> idsPerLabeller = new ArrayList<>();
        for (String file : List.of("labeller-a.jsonl", "labeller-b.jsonl")) {
            List<String> ids = new ArrayList<>();
            for (String line : java.nio.file.Files.readAllLines(CORPUS.resolve("agreement").resolve(file))) {
                com.google.gson.JsonObject post = com.google.gson.JsonParser.parseString(line).getAsJsonObject();
                String id = post.get("id").getAsString();
                assertTrue(tune.contains(id), file + ": " + id + " is not a tuning post");
                for (com.google.gson.JsonElement c : post.getAsJsonArray("categories")) {
                    assertTrue(Category.fromId(c.getAsString()).isPresent(), file + ": " + id + ": unknown category " + c);
                }
                ids.add(id);
            }
            assertEquals(300, new HashSet<>(ids).size(), file);
            idsPerLabeller.add(ids);
        }
        assertEquals(idsPerLabeller.get(0), idsPerLabeller.get(1), "both labellers label the same posts");
    }

    /** The split is by writer (the id's prefix), so the test part measures writing the rules and model never saw. */
    @Test
    void noWriterIsInBothParts() throws IOException {
        Set<String> tune = writers(Corpus.read(CORPUS.resolve("tune.jsonl")));
        Set<String> test = writers(Corpus.read(CORPUS.resolve("test.jsonl")));
        assertTrue(tune.size() >= 3 && test.size() >= 2, tune + " / " + test);
        Set<String> both = new HashSet<>(tune);
        both.retainAll(test);
        assertEquals(Set.of(), both);
    }

    private static Set<String> writers(List<Corpus.Post> posts) {
        Set<String> writers = new HashSet<>();
        posts.forEach(p -> writers.add(p.id().substring(0, p.id().indexOf('-'))));
        return writers;
    }

    @Test
    void evaluationEndsWithTheSummaryLine() throws IOException {
        // A slice is enough for the report's shape (the whole corpus is scripts/evaluate's job).
        Evaluation evaluation = Evaluation.run(SharedChecker.get(), Corpus.read(CORPUS.resolve("tune.jsonl")).subList(0, 400));
        String[] lines = evaluation.report().split("\n");
        String last = lines[lines.length - 1];
        assertTrue(last.matches("overall: precision=\\d\\.\\d{3} recall=\\d\\.\\d{3} f1=\\d\\.\\d{3} false_alarms=\\d\\.\\d{3}"), last);
        assertEquals(Category.values().length + 5, lines.length);
    }

    @Test
    void aRiskyPostCountsAsWarnedWhateverCategoryWarns() {
        List<Corpus.Post> posts = List.of(
                // labelled respect only, warned about confidentiality: its writer is still stopped to think
                new Corpus.Post("a-1", "Saw a 34yo in bay 4 today with DKA", Set.of(Category.RESPECT)),
                new Corpus.Post("a-2", "Lovely day for a walk by the river", Set.of(Category.PROFESSIONALISM)),
                new Corpus.Post("a-3", "Proud of our ward team, they were brilliant.", Set.of()));
        Evaluation evaluation = Evaluation.run(SharedChecker.rulesOnly(), posts);
        assertEquals(0.5, evaluation.riskyPostsWarned(), 1e-9);
        assertEquals(0.0, evaluation.falseAlarmRate(), 1e-9);
        assertTrue(evaluation.report().contains("risky posts with any warning: 1 of 2 (0.500)"), evaluation.report());
    }
}
