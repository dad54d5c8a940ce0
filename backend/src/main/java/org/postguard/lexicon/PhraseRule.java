package org.postguard.lexicon;

import org.postguard.check.Category;
import org.postguard.check.Severity;

/**
 * A rule from a {@code phrases/<category>.txt} file: its phrases warn with this severity and
 * message, provided the post has the context the rule {@link Needs needs}.
 */
public record PhraseRule(String id, Category category, Severity severity, String message, Needs needs,
                         String source) {

    /** The context a phrase needs before it warns. */
    public enum Needs {
        /** Warns on its own. */
        NOTHING,
        /** Needs a reference to a particular patient. */
        PATIENT,
        /** Needs a patient, a clinical setting or role, a bed or bay, or clinical detail. */
        WORK,
        /** Needs any clinical term. */
        CLINICAL;

        public static java.util.Optional<Needs> fromId(String id) {
            return switch (id) {
                case "patient" -> java.util.Optional.of(PATIENT);
                case "work" -> java.util.Optional.of(WORK);
                case "clinical" -> java.util.Optional.of(CLINICAL);
                default -> java.util.Optional.empty();
            };
        }
    }
}
