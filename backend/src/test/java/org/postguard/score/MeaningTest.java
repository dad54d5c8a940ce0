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
    void aLongPostIsReadWhole() {
        String sentence = "Our department ran a teaching session on sepsis recognition for the new doctors this week. ";
        float[] v = MEANING.of(sentence.repeat(250)); // about 5,000 words: more than the model reads at once
        assertEquals(Meaning.DIMENSIONS, v.length);
        assertTrue(Double.isFinite(v[0]));
    }
}
