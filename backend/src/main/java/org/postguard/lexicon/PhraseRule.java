package org.postguard.lexicon;

import org.postguard.check.Category;
import org.postguard.check.Severity;

/**
 * A rule from a {@code phrases/<category>.txt} file: its phrases warn with this severity and
 * message, provided the post has the context the rule {@link Needs needs}.
 */
public record PhraseRule(String id, Category category, Severity severity, String message, java.util.Set<Needs> needs,
                         String source) {

    public PhraseRule {
        needs = needs.isEmpty() ? java.util.EnumSet.noneOf(Needs.class) : java.util.EnumSet.copyOf(needs);
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
