package org.postguard.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Offsets count UTF-16 code units, like JavaScript's String.prototype.slice. */
class OffsetsTest {
    private final Checker checker = SharedChecker.get();

    private List<String> signalWords(String text) {
        return checker.check(CheckRequest.of(text)).warnings().stream()
                .flatMap(w -> w.signals().stream())
                .map(s -> text.substring(s.start(), s.end()))
                .toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "😷🚑 Saw a 34yo in bay 4 today with DKA",
            "👩🏽‍⚕️👨‍👩‍👧 long night… saw a 34yo in bay 4 today with DKA",
            "Cafe\u0301 break then José and I saw a 34yo in bay 4 today with DKA",
            "Line one\r\nLine two\r\nSaw a 34yo in bay 4 today with DKA",
            "\u200B\u200F\u202Esaw a 34yo in bay 4 today with DKA",
    })
    void offsetsStayOnTheWordsAfterEmojiAccentsAndLineBreaks(String text) {
        List<String> words = signalWords(text);
        assertTrue(words.contains("34yo"), words::toString);
        assertTrue(words.contains("bay 4"), words::toString);
        assertTrue(words.contains("DKA"), words::toString);
    }

    @Test
    void offsetsMatchJavaScriptsCount() {
        String text = "🚑 DOB 12/03/1958";
        Warning w = checker.check(CheckRequest.of(text)).warnings().getFirst();
        Signal dob = w.signals().stream().filter(s -> s.kind() == SignalKind.DATE_OF_BIRTH).findFirst().orElseThrow();
        // "🚑" is two UTF-16 code units, so in JavaScript "🚑 DOB 12/03/1958".indexOf("12") is 7.
        assertEquals(7, dob.start());
        assertEquals(17, dob.end());
    }

    @Test
    void workplaceTermsKeepTheirOffsetsAfterLettersThatLowerCaseToTwoUnits() {
        // "İ".toLowerCase() is two UTF-16 units; found by the fuzz test (an offset past the text's end).
        String text = "İİİ Saw a 34yo at St Elsewhere today with DKA";
        CheckResult result = checker.check(new CheckRequest(text, null, List.of("st elsewhere")));
        List<String> workplace = result.warnings().stream().flatMap(w -> w.signals().stream())
                .filter(s -> s.kind() == SignalKind.WORKPLACE).map(s -> text.substring(s.start(), s.end())).toList();
        assertEquals(List.of("St Elsewhere"), workplace.stream().distinct().toList());
    }
}
