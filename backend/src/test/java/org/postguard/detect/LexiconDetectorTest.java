package org.postguard.detect;

import org.junit.jupiter.api.Test;
import org.postguard.check.Signal;
import org.postguard.check.SignalKind;
import org.postguard.lexicon.Lexicon;
import org.postguard.lexicon.LexiconEntry;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LexiconDetectorTest {
    private static final Lexicon DECLARATIONS = Lexicon.build(List.of(
            LexiconEntry.of("sponsored", SignalKind.INTEREST_DECLARED, null, "test"),
            LexiconEntry.of("ad", SignalKind.INTEREST_DECLARED, null, "test"),
            LexiconEntry.of("conflict of interest", SignalKind.INTEREST_DECLARED, null, "test"),
            LexiconEntry.of("anonymised", SignalKind.ANONYMITY_CLAIMED, null, "test"),
            LexiconEntry.of("patient", SignalKind.PATIENT, null, "test")));
    private static final LexiconDetector DETECTOR = new LexiconDetector("declarations",
            EnumSet.of(SignalKind.INTEREST_DECLARED, SignalKind.ANONYMITY_CLAIMED, SignalKind.PATIENT));

    private static List<String> declared(String text) {
        List<Signal> out = new ArrayList<>();
        DETECTOR.detect(new Post(text, List.of(), DECLARATIONS), out);
        return out.stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    @Test
    void aDeclarationDeclares() {
        assertEquals(List.of("sponsored"), declared("This post is sponsored by SnoreStop"));
        assertEquals(List.of("ad"), declared("Loving this serum #ad"));
        assertEquals(List.of("anonymised"), declared("CT of the week, fully anonymised"));
    }

    @Test
    void aDeclarationDeniedByEitherOfTheTwoWordsBeforeItDeclaresNothing() {
        assertEquals(List.of(), declared("Not sponsored!! just genuinely love it"));
        assertEquals(List.of(), declared("Not an ad (well, they did send me a free one)"));
        assertEquals(List.of(), declared("this isn't sponsored, honest"));
        assertEquals(List.of(), declared("No conflict of interest, I just use it"));
        assertEquals(List.of(), declared("the scan was not anonymised"));
        assertEquals(List.of(), declared("NOT sponsored"));
    }

    @Test
    void aNegatorFurtherBackOrInAnEarlierSentenceDeniesNothing() {
        assertEquals(List.of("sponsored"), declared("Not what I expected, but sponsored"));
        assertEquals(List.of("Sponsored"), declared("I said no. Sponsored post follows"));
        assertEquals(List.of("sponsored"), declared("Not for me to say: this is sponsored"));
    }

    @Test
    void onlyDeclarationsAreTurnedRound() {
        assertEquals(List.of("patient"), declared("not one patient complained"));
    }
}
