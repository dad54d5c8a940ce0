package org.postguard.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckerTest {
    private final Checker checker = SharedChecker.get();

    private CheckResult check(String text) {
        return checker.check(CheckRequest.of(text));
    }

    private Set<String> categories(String text) {
        return check(text).warnings().stream().map(w -> w.category().id()).collect(Collectors.toSet());
    }

    @Test
    void eachCheckerSaysWhatHasTheLastWord() {
        assertEquals(Checker.Judge.MODEL_WITH_VOTES, checker.judge(), "the bundled model reads meaning and weighs the fine-tuned votes where they run");
        assertEquals(Checker.Judge.RULES, SharedChecker.rulesOnly().judge());
        assertEquals(Checker.Judge.RULES, checker.withoutModel().judge());
        assertEquals(Checker.Judge.MODEL_WITH_MEANING,
                Checker.load(org.postguard.lexicon.DataFiles.bundled(), Checker.Judge.MODEL_WITH_MEANING).judge());
        Checker plain = Checker.load(org.postguard.lexicon.DataFiles.bundled(), Checker.Judge.MODEL);
        assertEquals(Checker.Judge.MODEL, plain.judge());
        assertTrue(plain.check(CheckRequest.of("Saw a 34yo in bay 4 today with DKA")).warnings().stream()
                .anyMatch(w -> w.category() == Category.CONFIDENTIALITY), "the model without meaning still judges");
    }

    @Test
    void theClassicAccidentalBreachIsHighAndNamesItsSignals() {
        String text = "Saw a 34yo in bay 4 today with DKA, ketones 5";
        CheckResult result = check(text);
        assertEquals("high", result.risk());
        Warning w = result.warnings().getFirst();
        assertEquals("confidentiality", w.category().id());
        assertEquals("A patient could be identified from patient reference + age + condition + place + today together.", w.message());
        Set<String> words = w.signals().stream().map(s -> text.substring(s.start(), s.end())).collect(Collectors.toSet());
        assertTrue(words.containsAll(Set.of("34yo", "bay 4", "today", "DKA")), words::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Sepsis kills. Know the signs: fever, fast breathing, mottled skin. Call 999 if worried.",
            "Reminder for FY1s: in DKA, check ketones hourly and follow your trust's guideline.",
            "Proud of our ward team today, they were brilliant.",
            "My dad had a stroke last year and the stroke unit staff were incredible.",
    })
    void clinicalWordsAloneDoNotWarn(String text) {
        assertEquals(List.of(), check(text).warnings(), text);
    }

    @Test
    void anExamVignetteDoesNotWarn() {
        String text = "A 65-year-old man presents with crushing chest pain. What is your next step? #MRCP";
        assertEquals(List.of(), check(text).warnings(), text);
    }

    @Test
    void anNhsNumberIsHighOnItsOwn() {
        CheckResult result = check("quick q about 943 476 5919");
        assertEquals("high", result.risk());
        assertEquals("confidentiality-identifier", result.warnings().getFirst().rule());
    }

    @Test
    void aDateOfBirthIsHighOnItsOwn() {
        assertEquals("high", check("DOB 12/03/1958 lovely lady").risk());
    }

    @Test
    void severityRisesWithTheNumberOfQuasiIdentifiers() {
        Checker rules = SharedChecker.rulesOnly();
        assertEquals("low", rules.check(CheckRequest.of("My patient with asthma was so grateful")).risk());
        assertEquals("high", rules.check(CheckRequest.of("My patient, 72yo, with asthma on ward 9 this morning was so grateful")).risk());
    }

    @Test
    void statedConsentSilencesTheCombinationRule() {
        assertEquals(Set.of(), categories("Shared with her written consent: my patient, 72yo, with asthma on ward 9 this morning"));
    }

    @Test
    void personalTermsCountAsPlaces() {
        String text = "My patient from St Elsewhere with asthma";
        Checker rules = SharedChecker.rulesOnly();
        CheckResult plain = rules.check(new CheckRequest(text, null, List.of()));
        CheckResult personal = rules.check(new CheckRequest(text, null, List.of("St Elsewhere")));
        assertTrue(personal.warnings().getFirst().severity().compareTo(plain.warnings().getFirst().severity()) > 0);
    }

    @Test
    void warningsPointInsideTheText() {
        String text = "Saw a 34yo in bay 4 today with DKA";
        for (Warning w : check(text).warnings()) {
            assertTrue(0 <= w.start() && w.start() < w.end() && w.end() <= text.length());
            for (Signal s : w.signals()) {
                assertTrue(w.start() <= s.start() && s.end() <= w.end());
            }
        }
    }
}
