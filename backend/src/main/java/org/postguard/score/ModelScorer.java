package org.postguard.score;

import org.postguard.check.Category;
import org.postguard.check.Severity;
import org.postguard.check.Signal;
import org.postguard.check.SignalKind;
import org.postguard.check.Warning;
import org.postguard.detect.Post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The last word on each category, from the {@link CategoryModel}: it weighs every cue of the post
 * (words, signals, rule hits and the warnings the rules gave) and, when the model was learned with
 * it, what the post means as a whole ({@link Meaning}), against what the tuning corpus taught;
 * where the fine-tuned model runs, its {@link Votes} count as much as the model's own judgement.
 * <ul>
 *   <li>When the model agrees with a rule, the rule's warning stands, with the model's probability
 *       as its score.</li>
 *   <li>When it does not, the rule's warning is dropped (a rule that often cries wolf in such
 *       company), except a warning built on an NHS number or a date of birth, which always stands.</li>
 *   <li>When it flags a category no rule warned about, it warns itself and underlines the cues
 *       that weighed most, unless the post declares what makes it fine ({@link #silenced}).</li>
 * </ul>
 */
public final class ModelScorer implements Scorer {
    /** Cues named in {@code check --explain}. */
    private static final int CUES_EXPLAINED = 8;
    /** Cues underlined on a warning of the model's own. */
    private static final int CUES_UNDERLINED = 3;

    private final CategoryModel model;
    private final Map<Category, String> messages;
    private final Meaning meaning;
    private final Votes votes;

    /**
     * @param messages per category, the end of the sentence "Taken together, the underlined words read like a post that ..."
     */
    public ModelScorer(CategoryModel model, Map<Category, String> messages) {
        this(model, messages, null);
    }

    /** A scorer whose model also weighs the post's meaning, read by this sentence model. */
    public ModelScorer(CategoryModel model, Map<Category, String> messages, Meaning meaning) {
        this(model, messages, meaning, null);
    }

    /**
     * A scorer whose model also weighs the post's meaning and, when given and the model has
     * thresholds for them ({@link CategoryModel#weighsVotes}), the fine-tuned model's votes.
     */
    public ModelScorer(CategoryModel model, Map<Category, String> messages, Meaning meaning, Votes votes) {
        if (model.usesMeaning() && meaning == null) {
            throw new IllegalArgumentException("this category model was learned with the post's meaning: give it the sentence model");
        }
        this.model = model;
        this.messages = Map.copyOf(messages);
        this.meaning = model.usesMeaning() ? meaning : null;
        this.votes = model.weighsVotes() ? votes : null;
    }

    /** True when this scorer weighs the fine-tuned model's votes beside its model's judgement. */
    public boolean usesVotes() {
        return votes != null;
    }

    /** True when this scorer's model weighs the post's meaning as well as its cues. */
    public boolean usesMeaning() {
        return meaning != null;
    }

    @Override
    public void score(Post post, List<Signal> signals, List<Warning> out) {
        List<Cue> cues = Cues.of(post, signals, out);
        float[] means = meaning == null ? null : meaning.of(post.text());
        float[] voted = votes == null ? null : votes.of(post.text());
        List<Warning> judged = new ArrayList<>(out.size() + 1);
        Map<Category, CategoryModel.Judgement> judgements = model.judgeAll(cues, means, voted);
        for (Category category : Category.values()) {
            List<Warning> fromRules = out.stream().filter(w -> w.category() == category).toList();
            if (!model.covers(category)) {
                judged.addAll(fromRules);
                continue;
            }
            CategoryModel.Judgement judgement = judgements.get(category);
            String basis = null; // formatted once, and only for a category that warns
            for (Warning w : fromRules) {
                if (judgement.flags() || isCertain(w)) {
                    basis = basis == null ? judgement.basis(CUES_EXPLAINED) : basis;
                    judged.add(w.judged(judgement.probability(), basis));
                }
            }
            if (judgement.flags() && fromRules.isEmpty() && !silenced(category, cues)) {
                Warning own = ownWarning(judgement, judgement.basis(CUES_EXPLAINED));
                if (own != null) {
                    judged.add(own);
                }
            }
        }
        out.clear();
        out.addAll(judged);
    }

    /**
     * What the post declares binds the model as it binds the rules: a stated consent (or a case
     * said to be fictional) silences confidentiality and patient-image warnings of the model's own,
     * and a declared interest ("#ad") silences conflict-of-interest ones.
     */
    public static boolean silenced(Category category, List<Cue> cues) {
        String declared = switch (category) {
            case CONFIDENTIALITY, PATIENT_IMAGES -> "signal:" + SignalKind.CONSENT_DECLARED.id();
            case CONFLICT_OF_INTEREST -> "signal:" + SignalKind.INTEREST_DECLARED.id();
            default -> null;
        };
        return declared != null && cues.stream().anyMatch(c -> c.name().equals(declared));
    }

    /** An NHS number or a date of birth identifies a patient whatever the rest of the post says. */
    private static boolean isCertain(Warning w) {
        return w.signals().stream().anyMatch(s -> s.kind() == SignalKind.NHS_NUMBER || s.kind() == SignalKind.DATE_OF_BIRTH);
    }

    private Warning ownWarning(CategoryModel.Judgement judgement, String basis) {
        List<Signal> underlined = new ArrayList<>();
        for (CategoryModel.Contribution c : judgement.contributions()) {
            if (underlined.size() == CUES_UNDERLINED) {
                break;
            }
            if (c.weight() <= 0 || !c.pointsAtWords()) {
                continue; // a cue against the category, or the post as a whole: nothing to underline
            }
            Signal span = new Signal(c.cue().start(), c.cue().end(), SignalKind.CUE,
                    String.format(java.util.Locale.ROOT, "category model: %+.2f %s", c.weight(), c.cue().name()));
            if (underlined.stream().noneMatch(span::overlaps)) {
                underlined.add(span);
            }
        }
        if (underlined.isEmpty()) {
            return null; // the bias alone flagged it: nothing in the post to point at
        }
        underlined.sort(java.util.Comparator.comparingInt(Signal::start));
        double p = judgement.probability();
        Severity severity = p >= 0.9 ? Severity.HIGH : p >= 0.6 ? Severity.MEDIUM : Severity.LOW;
        String message = "Taken together, the underlined words read like a post that "
                + messages.getOrDefault(judgement.category(), "needs a second look") + ".";
        int start = underlined.getFirst().start();
        int end = underlined.stream().mapToInt(Signal::end).max().orElseThrow();
        return new Warning(judgement.category().id() + "-pattern", judgement.category(), severity, start, end, message,
                underlined, p, basis);
    }
}
