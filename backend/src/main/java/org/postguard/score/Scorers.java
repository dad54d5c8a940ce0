package org.postguard.score;

import java.util.List;

/** The one place scorers are registered. */
public final class Scorers {
    private Scorers() {
    }

    public static List<Scorer> standard() {
        return List.of(new ConfidentialityScorer(), new PhraseRuleScorer());
    }
}
