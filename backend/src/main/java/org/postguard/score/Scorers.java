package org.postguard.score;

import java.util.List;

/** The one place scorers are registered. */
public final class Scorers {
    private Scorers() {
    }

    public static List<Scorer> standard() {
        // Phrase rules first: the confidentiality scorer reads their complaint-response warnings.
        return List.of(new PhraseRuleScorer(), new ConfidentialityScorer());
    }
}
