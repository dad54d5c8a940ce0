package org.postguard.score;

import org.junit.jupiter.api.Test;
import org.postguard.check.Category;
import org.postguard.check.CheckRequest;
import org.postguard.check.Checker;
import org.postguard.check.SharedChecker;
import org.postguard.check.SignalKind;
import org.postguard.check.Warning;
import org.postguard.detect.Detectors;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the model does with the rules' warnings, with hand-made weights so each case is plain. */
class ModelScorerTest {
    private static final Map<Category, String> MESSAGES = Map.of(Category.CONFIDENTIALITY, "could identify a patient");

    private static Checker checkerWith(Map<Category, CategoryModel.Weights> weights) {
        ModelScorer model = new ModelScorer(new CategoryModel(weights), MESSAGES);
        return new Checker(SharedChecker.rulesOnly().lexicon(), Detectors.standard(),
                List.of(new PhraseRuleScorer(), new ConfidentialityScorer(), model));
    }

    /** Every category present and never flagging, except those given. */
    private static Map<Category, CategoryModel.Weights> quiet(Map<Category, CategoryModel.Weights> given) {
        Map<Category, CategoryModel.Weights> all = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            all.put(c, given.getOrDefault(c, new CategoryModel.Weights(-10, 0.5, Map.of())));
        }
        return all;
    }

    private static List<Warning> check(Checker checker, String text) {
        return checker.check(CheckRequest.of(text)).warnings();
    }

    @Test
    void theModelWarnsOnItsOwnAndUnderlinesTheCuesThatWeighedMost() {
        Checker checker = checkerWith(quiet(Map.of(Category.CONFIDENTIALITY,
                new CategoryModel.Weights(-3, 0.5, Map.of("word:lighthous", 5.0, "word:keeper", 1.0)))));
        String text = "Guess who the lighthouse keeper turned out to be";
        List<Warning> found = check(checker, text);
        assertEquals(1, found.size());
        Warning w = found.getFirst();
        assertEquals("confidentiality-pattern", w.rule());
        assertEquals("Taken together, the underlined words read like a post that could identify a patient.", w.message());
        assertEquals(List.of("lighthouse", "keeper"), w.signals().stream().map(s -> text.substring(s.start(), s.end())).toList());
        assertTrue(w.signals().stream().allMatch(s -> s.kind() == SignalKind.CUE));
        assertTrue(w.basis().startsWith("p=0.95 (threshold 0.50): +5.00 word:lighthous, +1.00 word:keeper"), w.basis());
    }

    @Test
    void aCueAgainstTheCategoryDoesNotStopTheWordsForItBeingUnderlined() {
        // the weightiest cue counts against the category; the warning still stands, on the words for it
        Checker checker = checkerWith(quiet(Map.of(Category.CONFIDENTIALITY,
                new CategoryModel.Weights(4, 0.5, Map.of("word:lighthous", -2.0, "word:keeper", 1.0)))));
        String text = "Guess who the lighthouse keeper turned out to be";
        List<Warning> found = check(checker, text);
        assertEquals(1, found.size(), found.toString());
        assertEquals(List.of("keeper"), found.getFirst().signals().stream().map(s -> text.substring(s.start(), s.end())).toList());
    }

    @Test
    void aRuleWarningTheModelDoesNotBelieveIsDropped() {
        String text = "Another frequent flyer in majors tonight, absolute waste of a bed";
        assertTrue(check(SharedChecker.rulesOnly(), text).stream().anyMatch(w -> w.category() == Category.RESPECT));
        assertTrue(check(checkerWith(quiet(Map.of())), text).isEmpty());
    }

    @Test
    void aRuleWarningTheModelAgreesWithKeepsItsMessageAndGetsTheModelsScore() {
        String text = "Another frequent flyer in majors tonight, absolute waste of a bed";
        Checker checker = checkerWith(quiet(Map.of(Category.RESPECT, new CategoryModel.Weights(2, 0.5, Map.of()))));
        List<Warning> respect = check(checker, text).stream().filter(w -> w.category() == Category.RESPECT).toList();
        assertTrue(!respect.isEmpty());
        for (Warning w : respect) {
            assertTrue(!w.rule().endsWith("-pattern"), w.rule());
            assertEquals(1 / (1 + Math.exp(-2)), w.score(), 1e-9);
            assertTrue(w.basis().startsWith("p=0.88"), w.basis());
        }
    }

    @Test
    void anNhsNumberOrDateOfBirthStandsWhateverTheModelSays() {
        Checker checker = checkerWith(quiet(Map.of()));
        assertEquals("confidentiality-identifier", check(checker, "quick q about 943 476 5919").getFirst().rule());
        assertEquals("high", checker.check(CheckRequest.of("DOB 12/03/1958 lovely lady")).risk());
    }

    @Test
    void aModelThatWeighsMeaningUnderlinesWordsNeverTheMeaning() {
        Meaning meaning = Meaning.shared().orElseThrow();
        String text = "Guess who the lighthouse keeper turned out to be";
        float[] weights = meaning.of(text);
        for (int i = 0; i < weights.length; i++) {
            weights[i] *= 6; // the post's own meaning: +6 in log-odds
        }
        Map<Category, CategoryModel.Weights> given = quiet(Map.of(Category.CONFIDENTIALITY,
                new CategoryModel.Weights(-5, 0.5, Map.of("word:lighthous", 0.5), weights)));
        ModelScorer scorer = new ModelScorer(new CategoryModel(given), MESSAGES, meaning);
        Checker checker = new Checker(SharedChecker.rulesOnly().lexicon(), Detectors.standard(),
                List.of(new PhraseRuleScorer(), new ConfidentialityScorer(), scorer));
        Warning w = check(checker, text).getFirst();
        assertEquals("confidentiality-pattern", w.rule());
        assertEquals(List.of("lighthouse"), w.signals().stream().map(s -> text.substring(s.start(), s.end())).toList());
        assertTrue(w.basis().contains("+6.00 meaning, +0.50 word:lighthous"), w.basis());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ModelScorer(new CategoryModel(given), MESSAGES), "such a model needs the sentence model");
    }

    @Test
    void aStatedConsentSilencesTheModelsOwnConfidentialityWarning() {
        Checker checker = checkerWith(quiet(Map.of(Category.CONFIDENTIALITY,
                new CategoryModel.Weights(3, 0.5, Map.of("word:lighthous", 1.0)))));
        assertEquals(1, check(checker, "The lighthouse keeper came in").size());
        assertEquals(List.of(), check(checker, "Shared with his written consent: the lighthouse keeper came in"));
    }
}
