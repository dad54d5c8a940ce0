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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A declared interest stands conflict-of-interest rules down, except those written {@code despite = declaration}. */
class DeclarationTest {
    @TempDir
    static Path data;
    private static Checker checker;

    @BeforeAll
    static void writeData() throws IOException {
        Files.createDirectories(data.resolve("phrases"));
        Files.createDirectories(data.resolve("signals"));
        Files.writeString(data.resolve("signals/declared-interest.txt"), "ad | gifted\n");
        Files.writeString(data.resolve("phrases/conflict-of-interest.txt"), """
                [discount-code]
                severity = medium
                message = A code suggests you gain from sales.
                use my code

                [pushing-a-declared-interest]
                severity = medium
                message = Declaring is not enough when you push it on your patients.
                near = <interest-declared>
                within = 20
                despite = declaration
                all my patients
                """);
        checker = Checker.withRulesOnly(DataFiles.in(data));
    }

    private static List<String> rules(String text) {
        return checker.check(CheckRequest.of(text)).warnings().stream().map(Warning::rule).toList();
    }

    @Test
    void aDeclarationStandsOrdinaryRulesDown() {
        assertEquals(List.of("discount-code"), rules("Lovely serum, use my code SAVE10"));
        assertEquals(List.of(), rules("#ad Lovely serum, use my code SAVE10"));
    }

    @Test
    void aRuleWrittenDespiteDeclarationStillWarnsBesideOne() {
        assertEquals(List.of("pushing-a-declared-interest"), rules("Gifted this serum and I recommend it to all my patients now"));
        assertEquals(List.of("pushing-a-declared-interest"), rules("#ad I recommend it to all my patients, use my code SAVE10"),
                "the ordinary rule stays down");
        assertEquals(List.of(), rules("I recommend it to all my patients"), "its near part is the declaration itself");
    }

    @Test
    void despiteTakesOnlyDeclaration(@TempDir Path bad) throws IOException {
        Files.createDirectories(bad.resolve("phrases"));
        Files.writeString(bad.resolve("phrases/conflict-of-interest.txt"), """
                [odd]
                severity = low
                message = m
                despite = consent
                a phrase
                """);
        DataFiles files = DataFiles.in(bad);
        files.entries();
        String problems = String.join("\n", files.problems());
        assertTrue(problems.contains("phrases/conflict-of-interest.txt:4: despite takes only 'declaration'"), problems);
    }
}
