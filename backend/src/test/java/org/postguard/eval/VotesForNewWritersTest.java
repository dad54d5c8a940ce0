package org.postguard.eval;

import org.junit.jupiter.api.Test;
import org.postguard.check.Category;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Posts by writers the fine-tuned model never saw get its votes; a seen writer's new post is refused. */
class VotesForNewWritersTest {
    private static final float[] EVEN = new float[Category.values().length];

    private static Corpus.Post post(String id) {
        return new Corpus.Post(id, "text of " + id, Set.of());
    }

    @Test
    void postsByANewWriterGetOneProbabilityPerCategory() {
        List<String> old = List.of("w1-0001\t0.1\t0.1\t0.1\t0.1\t0.1\t0.1\t0.1");
        float[] sure = EVEN.clone();
        sure[Category.RESPECT.ordinal()] = (float) Math.log(9); // probability 0.9
        List<String> added = VotesForNewWriters.missing(List.of(post("w1-0001"), post("w16-0001"), post("w16-0002")), old,
                text -> text.endsWith("0002") ? sure : EVEN);
        assertEquals(2, added.size(), added.toString());
        assertEquals("w16-0001\t0.500000\t0.500000\t0.500000\t0.500000\t0.500000\t0.500000\t0.500000", added.get(0));
        String[] second = added.get(1).split("\t");
        assertEquals(Category.values().length + 1, second.length);
        assertEquals(0.9, Double.parseDouble(second[1 + Category.RESPECT.ordinal()]), 1e-5);
    }

    @Test
    void aNewPostByAWriterTheModelLearnedFromIsRefused() {
        List<String> old = List.of("w1-0001\t0.1\t0.1\t0.1\t0.1\t0.1\t0.1\t0.1");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> VotesForNewWriters.missing(List.of(post("w1-0001"), post("w1-0002")), old, text -> EVEN));
        assertTrue(refused.getMessage().contains("w1-0002") && refused.getMessage().contains("scripts/fine-tune"), refused.getMessage());
    }

    @Test
    void nothingIsAddedWhenEveryPostHasAVote() {
        List<String> old = List.of("w1-0001\t0.1\t0.1\t0.1\t0.1\t0.1\t0.1\t0.1");
        assertEquals(List.of(), VotesForNewWriters.missing(List.of(post("w1-0001")), old, text -> {
            throw new AssertionError("no post needed a vote");
        }));
    }
}
