package org.postguard.check;

import java.util.List;

/**
 * What to check.
 *
 * @param text          the draft post
 * @param platform      where it will be posted ({@code x}, {@code facebook}...), or null
 * @param personalTerms words that identify the doctor's workplace: hospital, wards, colleagues
 */
public record CheckRequest(String text, String platform, List<String> personalTerms) {
    public CheckRequest {
        personalTerms = personalTerms == null ? List.of() : List.copyOf(personalTerms);
    }

    public static CheckRequest of(String text) {
        return new CheckRequest(text, null, List.of());
    }
}
