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
            if (kinds.contains(match.entry().kind()) && !pluralOfOne(post.text(), match)) {
                String source = match.entry().source() + (match.fuzzy() ? " (typo forgiven)" : "");
                out.add(new Signal(match.start(), match.end(), match.entry().kind(), source));
            }
        }
    }

    /**
     * Stemming makes "my patients" meet "my patient", but patients in general identify nobody: a
     * patient reference written in the singular does not match the same words in the plural.
     */
    static boolean pluralOfOne(String text, LexiconMatch match) {
        if (match.entry().kind() != org.postguard.check.SignalKind.PATIENT) {
            return false;
        }
        String listed = match.entry().text().toLowerCase(java.util.Locale.ROOT).strip();
        String typed = text.substring(match.start(), match.end()).toLowerCase(java.util.Locale.ROOT);
        return !listed.endsWith("s") && (typed.endsWith("s") || typed.endsWith("s'") || typed.endsWith("s’"))
                && !typed.endsWith("'s") && !typed.endsWith("’s");
    }

    @Override
    public String toString() {
        return name;
    }
}
