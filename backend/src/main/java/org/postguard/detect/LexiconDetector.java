package org.postguard.detect;

import org.postguard.check.Signal;
import org.postguard.check.SignalKind;
import org.postguard.lexicon.LexiconMatch;

import java.util.List;
import java.util.Set;

/**
 * Reports the words of the data files' lists as signals: the vocabulary (conditions, drugs,
 * settings, roles...), patient references, time anchors and declarations. Its kinds decide which
 * entries it reports, so one instance serves each list.
 */
public final class LexiconDetector implements Detector {
    private final Set<SignalKind> kinds;
    private final String name;

    public LexiconDetector(String name, Set<SignalKind> kinds) {
        this.name = name;
        this.kinds = Set.copyOf(kinds);
    }

    @Override
    public void detect(Post post, List<Signal> out) {
        for (LexiconMatch match : post.matches()) {
            if (kinds.contains(match.entry().kind())) {
                String source = match.entry().source() + (match.fuzzy() ? " (typo forgiven)" : "");
                out.add(new Signal(match.start(), match.end(), match.entry().kind(), source));
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
