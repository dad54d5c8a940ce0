package org.postguard.detect;

import org.postguard.check.Signal;

import java.util.List;

/**
 * Finds one kind of evidence in a post: an NHS number, an age, a ward. Detectors only report
 * spans; whether the spans together are a risk is decided by the scorers. Implementations are
 * stateless and thread-safe, and are registered in {@link Detectors#standard()}.
 */
public interface Detector {
    /** Adds a signal to {@code out} for every span of this detector's kind in the post. */
    void detect(Post post, List<Signal> out);
}
