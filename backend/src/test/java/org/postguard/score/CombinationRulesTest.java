package org.postguard.score;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postguard.check.CheckRequest;
import org.postguard.check.Checker;
import org.postguard.check.Warning;
import org.postguard.lexicon.DataFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Combination rules: a phrase counts only with a near phrase, list entry or signal a few words away. */
class CombinationRulesTest {
    @TempDir
    static Path data;
    private static Checker checker;

    @BeforeAll
    static void writeData() throws IOException {
        Files.createDirectories(data.resolve("phrases"));
        Files.createDirectories(data.resolve("lists"));
        Files.createDirectories(data.resolve("signals"));
        Files.writeString(data.resolve("lists/media.txt"), "# pictures\nx-ray | scan\nphoto of\n");
        Files.writeString(data.resolve("signals/patient-reference.txt"), "my patient\n");
        Files.writeString(data.resolve("phrases/patient-images.txt"), """
                [shared-media]
                severity = high
                message = Sharing a picture of a record needs consent.
                near = @media
                within = 3
                here's | attached

                [greeting-a-patient]
                severity = low
                message = Greeting a patient online blurs the boundary.
                near = <patient>
                hello | hi there
                """);
        checker = Checker.withRulesOnly(DataFiles.in(data));
    }

    private static List<Warning> warnings(String text) {
        return checker.check(CheckRequest.of(text)).warnings();
    }

    private static List<String> words(String text, Warning w) {
        return w.signals().stream().map(s -> text.substring(s.start(), s.end())).collect(Collectors.toList());
    }

    @Test
    void aPhraseWithItsNearPhraseCloseByWarnsAndUnderlinesBoth() {
        String text = "Here's the x-ray from tonight";
        List<Warning> found = warnings(text);
        assertEquals(1, found.size());
        assertEquals("shared-media", found.getFirst().rule());
        assertEquals(List.of("Here's", "x-ray"), words(text, found.getFirst()));
    }

    @Test
    void theNearPhraseMayComeFirst() {
        String text = "x-ray attached";
        assertEquals(List.of("x-ray", "attached"), words(text, warnings(text).getFirst()));
    }

    @Test
    void aPhraseAloneOrTooFarFromItsNearPhraseIsSilent() {
        assertEquals(List.of(), warnings("Here's my dog"));
        assertEquals(List.of(), warnings("Here's what I learned at the conference about the x-ray"));
        assertEquals(List.of(), warnings("Here's one two three four x-ray"), "four words apart, within = 3");
        assertEquals(1, warnings("Here's one two three x-ray").size(), "three words apart");
    }

    @Test
    void aSignalCanBeTheNearPart() {
        String text = "Hello to my patient who found me here";
        List<Warning> found = warnings(text);
        assertEquals(List.of("greeting-a-patient"), found.stream().map(Warning::rule).toList());
        assertEquals(List.of("Hello", "my patient"), words(text, found.getFirst()));
        assertEquals(List.of(), warnings("Hello to my patients"), "plural: patients in general");
    }

    @Test
    void badCombinationSettingsAreReportedWithFileAndLine(@TempDir Path bad) throws IOException {
        Files.createDirectories(bad.resolve("phrases"));
        Files.writeString(bad.resolve("phrases/respect.txt"), """
                [no-such-list]
                severity = low
                message = m
                near = @missing-list
                a phrase

                [within-without-near]
                severity = low
                message = m
                within = 4
                b phrase

                [bad-window-and-signal]
                severity = low
                message = m
                near = <nonsense>
                within = 99
                c phrase
                """);
        DataFiles files = DataFiles.in(bad);
        files.entries();
        String problems = String.join("\n", files.problems());
        assertTrue(problems.contains("phrases/respect.txt:4: no list lists/missing-list.txt"), problems);
        assertTrue(problems.contains("rule [within-without-near] sets within but has no near phrases"), problems);
        assertTrue(problems.contains("phrases/respect.txt:16: <nonsense> is not a signal kind"), problems);
        assertTrue(problems.contains("phrases/respect.txt:17: within must be a number of words from 1 to 25"), problems);
    }
}
