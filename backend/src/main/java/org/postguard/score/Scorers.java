package org.postguard.score;

import org.postguard.check.Category;
import org.postguard.lexicon.DataFiles;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The one place scorers are registered. */
public final class Scorers {
    /** Per category, how a warning of the category model's own ends ("...read like a post that could identify a patient"). */
    static final String MESSAGES = "model/messages.txt";

    private Scorers() {
    }

    /** The rules: phrase rules first, because the confidentiality scorer reads their complaint-response warnings. */
    public static List<Scorer> rules() {
        return List.of(new PhraseRuleScorer(), new ConfidentialityScorer());
    }

    /**
     * The rules, then this model (if any) judging what they found, with the sentence model it needs
     * (if any). {@link org.postguard.check.Checker#load} picks the bundled model and sentence model.
     */
    public static List<Scorer> standard(DataFiles data, java.util.Optional<CategoryModel> model, java.util.Optional<Meaning> meaning,
                                        java.util.Optional<Votes> votes) {
        List<Scorer> scorers = new ArrayList<>(rules());
        model.ifPresent(m -> scorers.add(new ModelScorer(m, messages(data), meaning.orElse(null), votes.orElse(null))));
        return List.copyOf(scorers);
    }

    /** Reads {@code model/messages.txt}: {@code category = end of sentence} lines. */
    public static Map<Category, String> messages(DataFiles data) {
        Map<Category, String> messages = new EnumMap<>(Category.class);
        for (String line : data.text(MESSAGES).orElse("").split("\n")) {
            int equals = line.indexOf('=');
            if (line.isBlank() || line.strip().startsWith("#") || equals < 0) {
                continue;
            }
            Category.fromId(line.substring(0, equals).strip())
                    .ifPresent(c -> messages.put(c, line.substring(equals + 1).strip()));
        }
        return messages;
    }
}
