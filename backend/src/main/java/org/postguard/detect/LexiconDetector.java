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
            if (kinds.contains(match.entry().kind()) && !pluralOfOne(post.text(), match) && !denied(post.text(), match)) {
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
        if (match.entry().kind() != SignalKind.PATIENT) {
            return false;
        }
        String listed = match.entry().text().toLowerCase(java.util.Locale.ROOT).strip();
        String typed = text.substring(match.start(), match.end()).toLowerCase(java.util.Locale.ROOT);
        return !listed.endsWith("s") && (typed.endsWith("s") || typed.endsWith("s'") || typed.endsWith("s’"))
                && !typed.endsWith("'s") && !typed.endsWith("’s");
    }

    /** Words that turn a declaration round: "not sponsored", "not an ad", "no affiliate link", "without consent". */
    private static final Set<String> NEGATORS = Set.of("not", "no", "never", "non", "without", "isn't", "isnt", "wasn't",
            "wasnt", "aren't", "arent", "nor", "zero");

    /**
     * A declaration denied by one of the two words before it declares nothing: "Not sponsored!!
     * just genuinely love it" does not declare an interest, so it does not stand the
     * conflict-of-interest warnings down (the model still weighs the rest of the post).
     */
    static boolean denied(String text, LexiconMatch match) {
        if (match.entry().kind().group() != SignalKind.Group.DECLARATION) {
            return false;
        }
        int end = match.start();
        for (int word = 0; word < 2; word++) {
            while (end > 0 && !isWordChar(text.charAt(end - 1))) {
                if (".!?;:\n".indexOf(text.charAt(end - 1)) >= 0) {
                    return false; // a sentence or clause ends first
                }
                end--;
            }
            int start = end;
            while (start > 0 && isWordChar(text.charAt(start - 1))) {
                start--;
            }
            if (start == end) {
                return false;
            }
            String previous = text.substring(start, end).toLowerCase(java.util.Locale.ROOT).replace('’', '\'');
            if (NEGATORS.contains(previous)) {
                return true;
            }
            end = start;
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '\'' || c == '’';
    }

    @Override
    public String toString() {
        return name;
    }
}
