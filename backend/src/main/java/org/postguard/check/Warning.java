package org.postguard.check;

import java.util.List;

/**
 * One thing the doctor should look at before posting.
 *
 * @param rule     stable id of the rule that fired, e.g. {@code confidentiality-combination}
 * @param start    first UTF-16 offset of the words concerned
 * @param end      offset just past them
 * @param message  one plain sentence
 * @param signals  the spans that combined into this warning
 * @param score    the number behind the severity, shown by {@code check --explain}
 * @param basis    how that number was reached, for {@code check --explain}: the category model's
 *                 probability and the cues that weighed most; empty before the model has judged
 */
public record Warning(String rule, Category category, Severity severity, int start, int end,
                      String message, List<Signal> signals, double score, String basis) {
    public Warning {
        signals = List.copyOf(signals);
        basis = basis == null ? "" : basis;
    }

    public Warning(String rule, Category category, Severity severity, int start, int end,
                   String message, List<Signal> signals, double score) {
        this(rule, category, severity, start, end, message, signals, score, "");
    }

    /** This warning with the category model's score and reasoning. */
    public Warning judged(double newScore, String newBasis) {
        return new Warning(rule, category, severity, start, end, message, signals, newScore, newBasis);
    }

    /** The guidance catalogue entry that explains this warning. */
    public String guidance() {
        return category.id();
    }
}
