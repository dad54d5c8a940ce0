package org.postguard.score;

import org.postguard.check.Signal;
import org.postguard.check.Warning;
import org.postguard.detect.Post;

import java.util.List;

/**
 * Turns the signals of a post into warnings. Scorers see every signal the detectors found and
 * decide what combination is a risk; they are registered in {@link Scorers#standard(org.postguard.lexicon.DataFiles, java.util.Optional, java.util.Optional, java.util.Optional)}.
 */
public interface Scorer {
    void score(Post post, List<Signal> signals, List<Warning> out);
}
