package org.postguard.score;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sentence model runs here, from the jar alone, and reads meaning rather than shared words. */
class MeaningTest {
    private static final Meaning MEANING = Meaning.shared()
            .orElseThrow(() -> new AssertionError("the sentence model must run on the build machine"));

    private static double similarity(String a, String b) {
        float[] x = MEANING.of(a);
        float[] y = MEANING.of(b);
        double dot = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
        }
        return dot;
    }

    @Test
    void theRuntimesUnpackedLibrariesAreGoneOnceLoaded() {
        java.nio.file.Path folder = Meaning.unpackedRuntime()
                .orElseThrow(() -> new AssertionError("ONNX Runtime no longer names its temporary folder: check Meaning.removeUnpackedRuntime"));
        assertTrue(java.nio.file.Files.notExists(folder), folder + " (16 MB of libraries) should be removed after loading");
        assertEquals(Meaning.DIMENSIONS, MEANING.of("still reads after the files are gone").length);
    }

    @Test
    void aPostBecomesAUnitVectorOfFixedSize() {
        float[] v = MEANING.of("Saw a 34yo in bay 4 today with DKA");
        assertEquals(Meaning.DIMENSIONS, v.length);
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        assertEquals(1.0, norm, 1e-3);
        assertArrayEquals(v, MEANING.of("Saw a 34yo in bay 4 today with DKA"), "the same text, the same numbers");
        assertArrayEquals(new float[Meaning.DIMENSIONS], MEANING.of("  "), "nothing to read");
    }

    @Test
    void postsThatMeanTheSameAreCloserThanPostsOnAnotherSubjectThoughTheyShareNoWords() {
        String complaint = "The family who complained about me are liars";
        String paraphrase = "That relative moaning on Facebook regarding my care is lying";
        String otherSubject = "Our practice is running flu vaccine clinics on Saturday mornings";
        assertTrue(similarity(complaint, paraphrase) > similarity(complaint, otherSubject) + 0.1,
                similarity(complaint, paraphrase) + " vs " + similarity(complaint, otherSubject));
    }

    @Test
    void aLongPostIsReadFromItsStartOnly() {
        String start = "Our department ran a teaching session on sepsis recognition for the new doctors this week. ".repeat(15);
        assertTrue(start.length() > Meaning.READ_LIMIT);
        float[] calm = MEANING.of(start + "Thanks to everyone who came along and asked such good questions.");
        float[] other = MEANING.of(start + "The man in bed 4 is an idiot and I have told his wife so.");
        assertArrayEquals(calm, other, "past the limit, only words and signals count");
        assertEquals(Meaning.DIMENSIONS, MEANING.of("word ".repeat(5_000)).length);
    }

    @Test
    void theStartIsCutAtASpaceAndNeverInsideASurrogatePair() {
        String words = "a ".repeat(Meaning.READ_LIMIT);
        assertEquals(' ', words.charAt(Meaning.start(words).length()), "cut before a space");
        String emoji = "\uD83D\uDE00".repeat(Meaning.READ_LIMIT); // no spaces at all
        String cut = Meaning.start(emoji);
        assertTrue(cut.length() <= Meaning.READ_LIMIT && !Character.isHighSurrogate(cut.charAt(cut.length() - 1)), "length " + cut.length());
        assertEquals("short post", Meaning.start("short post"));
    }
}
