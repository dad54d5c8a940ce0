package org.postguard.check;

import java.util.List;

/** The warnings for one post, and the highest severity among them ({@code null} risk means none). */
public record CheckResult(List<Warning> warnings, long tookMicros) {
    public CheckResult {
        warnings = List.copyOf(warnings);
    }

    /** {@code none}, {@code low}, {@code medium} or {@code high}. */
    public String risk() {
        return warnings.stream().map(Warning::severity).max(Enum::compareTo).map(Severity::id).orElse("none");
    }
}
