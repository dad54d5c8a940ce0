package org.postguard.detect;

import org.postguard.check.Signal;
import org.postguard.check.SignalKind;

import java.util.List;

/**
 * The doctor's own workplace terms from the extension's options (hospital, ward names,
 * colleagues' names). Matched case-insensitively on word boundaries. Sent with each check and
 * forgotten with it.
 */
public final class WorkplaceDetector implements Detector {
    @Override
    public void detect(Post post, List<Signal> out) {
        if (post.personalTerms().isEmpty()) {
            return;
        }
        String text = fold(post.text());
        for (String term : post.personalTerms()) {
            String needle = fold(term.strip());
            if (needle.length() < 2) {
                continue;
            }
            for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
                int end = at + needle.length();
                if (isBoundary(text, at - 1) && isBoundary(text, end) && !splitsPair(text, at) && !splitsPair(text, end)) {
                    out.add(new Signal(at, end, SignalKind.WORKPLACE, "your workplace terms (options page)"));
                }
            }
        }
    }

    /**
     * Lower case one UTF-16 unit at a time, so offsets stay those of the text as typed
     * ({@code String.toLowerCase} turns "İ" into two units and would shift every offset after it).
     */
    static String fold(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }

    private static boolean splitsPair(String text, int at) {
        return at > 0 && at < text.length() && Character.isHighSurrogate(text.charAt(at - 1)) && Character.isLowSurrogate(text.charAt(at));
    }

    private static boolean isBoundary(String text, int index) {
        return index < 0 || index >= text.length() || !Character.isLetterOrDigit(text.charAt(index));
    }
}
