package org.postguard.lexicon;

import org.postguard.check.Category;
import org.postguard.check.Severity;

/**
 * A rule from a {@code phrases/<category>.txt} file: its phrases warn with this severity and
 * message, provided the post has the context the rule {@link Needs needs}. A rule with
 * {@code near} phrases is a combination: one of its phrases counts only when one of the near
 * phrases stands within {@link #within} words of it ("attached" near "CT", "code" near "% off").
 *
 * @param within      the most words allowed between a phrase and a near phrase or signal, or 0 when the rule has none
 * @param nearSignals signals that may stand in for a near phrase ({@code near = <patient>}: a patient reference)
 * @param warnsDespiteDeclaration {@code despite = declaration}: the rule warns even when the post declares an
 *                    interest or a consent, which otherwise stands its category's rules down ("#ad" beside
 *                    "I recommend it to all my patients" still needs thought: declaring is not enough)
 */
public record PhraseRule(String id, Category category, Severity severity, String message, java.util.Set<Needs> needs,
                         int within, java.util.Set<org.postguard.check.SignalKind> nearSignals, boolean warnsDespiteDeclaration,
                         String source) {
    /** Words allowed between a phrase and its near phrase when the rule does not say. */
    public static final int DEFAULT_WITHIN = 6;
    /** The widest window a rule may ask for: further apart, words are rarely about one thing. */
    public static final int MAX_WITHIN = 25;

    public PhraseRule {
        needs = needs.isEmpty() ? java.util.EnumSet.noneOf(Needs.class) : java.util.EnumSet.copyOf(needs);
        nearSignals = java.util.Set.copyOf(nearSignals);
    }

    public PhraseRule(String id, Category category, Severity severity, String message, java.util.Set<Needs> needs,
                      String source) {
        this(id, category, severity, message, needs, 0, java.util.Set.of(), false, source);
    }

    /** True when the rule's phrases count only beside one of its near phrases. */
    public boolean isCombination() {
        return within > 0;
    }

    /** Context a phrase needs before it warns; a rule that lists several needs them all. */
    public enum Needs {
        /** A reference to a particular patient, or a numbered bed or bay. */
        PATIENT,
        /** A patient, a clinical setting or role, a bed or bay, or clinical detail. */
        WORK,
        /** Any clinical term. */
        CLINICAL,
        /** A particular person: a patient reference, a bed or bay, an age or a name. */
        PERSON,
        /** A time: "today", "last night", a date. */
        TIME,
        /** A place: a ward, a town, a hospital. */
        PLACE,
        /** The post speaks to someone: "you", "your". */
        YOU;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static java.util.Optional<Needs> fromId(String id) {
            return java.util.Arrays.stream(values()).filter(n -> n.id().equals(id)).findFirst();
        }
    }
}
