package org.postguard.lexicon;

import org.junit.jupiter.api.Test;
import org.postguard.check.SharedChecker;
import org.postguard.text.Tokens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measures how many realistically misspelt clinical words still match their vocabulary term
 * ({@code src/test/resources/misspellings.tsv}, written independently of the vocabulary).
 * Only pairs whose correct spelling is in the vocabulary count.
 */
class MisspellingToleranceTest {
    private final Lexicon lexicon = SharedChecker.get().lexicon();

    private boolean recognises(String word, String intendedKey) {
        return lexicon.match(word, Tokens.of(word)).stream()
                .anyMatch(m -> m.entry().kind().isClinical() || m.entry().kind() == org.postguard.check.SignalKind.ANATOMY
                        ? Tokens.key(m.entry().text()).equals(intendedKey) || Tokens.key(m.entry().text()).contains(intendedKey)
                        : false);
    }

    @Test
    void mostMisspeltClinicalWordsAreStillRecognised() throws IOException {
        int known = 0;
        int recognised = 0;
        int wrongFirstKnown = 0;
        int wrongFirstRecognised = 0;
        boolean firstLetterWrong = false;
        List<String> missed = new ArrayList<>();
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/misspellings.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith("#")) {
                firstLetterWrong |= line.toLowerCase(Locale.ROOT).contains("first letter wrong");
                continue;
            }
            String[] pair = line.split("\t");
            if (pair.length != 2) {
                continue;
            }
            String intendedKey = Tokens.key(pair[1]);
            if (!recognises(pair[1], intendedKey)) {
                continue; // the correct spelling is not in the vocabulary: nothing to tolerate
            }
            boolean ok = recognises(pair[0], intendedKey);
            if (firstLetterWrong) {
                wrongFirstKnown++;
                wrongFirstRecognised += ok ? 1 : 0;
            } else {
                known++;
                recognised += ok ? 1 : 0;
                if (!ok) {
                    missed.add(pair[0] + "→" + pair[1]);
                }
            }
        }
        double share = (double) recognised / known;
        System.out.printf(Locale.ROOT, "misspelling tolerance: %d of %d misspelt clinical words recognised (%.1f%%);"
                        + " with a wrong first letter %d of %d%n", recognised, known, 100 * share,
                wrongFirstRecognised, wrongFirstKnown);
        System.out.println("missed: " + String.join(", ", missed));
        assertTrue(known >= 100, "too few pairs whose correct spelling is in the vocabulary: " + known);
        assertTrue(share >= 0.85, "misspelling tolerance fell to " + share);
    }
}
