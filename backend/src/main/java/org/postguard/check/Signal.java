package org.postguard.check;

/**
 * A span of the checked text that means something: an age, a ward, a drug, a risky phrase.
 * Offsets count UTF-16 code units, as JavaScript's {@code String.prototype.slice} does.
 *
 * @param source where the signal came from, for {@code check --explain}: a data file and line
 *               ({@code vocabulary/conditions.txt:12}) or a detector ({@code AgeDetector})
 */
public record Signal(int start, int end, SignalKind kind, String source) {
    public Signal {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public boolean overlaps(Signal other) {
        return start < other.end && other.start < end;
    }
}
