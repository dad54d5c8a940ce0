package org.postguard.check;

import java.util.Locale;
import java.util.Optional;

/** How serious a warning is. Ordered: {@code LOW < MEDIUM < HIGH}. */
public enum Severity {
    LOW, MEDIUM, HIGH;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> fromId(String id) {
        for (Severity s : values()) {
            if (s.id().equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public static Severity max(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public String toString() {
        return id();
    }
}
