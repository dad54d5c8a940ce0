package org.postguard.detect;

import org.postguard.check.Signal;
import org.postguard.check.SignalKind;

import java.util.List;
import java.util.Locale;

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
        String text = post.text().toLowerCase(Locale.ROOT);
        for (String term : post.personalTerms()) {
            String needle = term.strip().toLowerCase(Locale.ROOT);
            if (needle.length() < 2) {
                continue;
            }
            for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
                int end = at + needle.length();
                if (isBoundary(text, at - 1) && isBoundary(text, end)) {
                    out.add(new Signal(at, end, SignalKind.WORKPLACE, "your workplace terms (options page)"));
                }
            }
        }
    }

    private static boolean isBoundary(String text, int index) {
        return index < 0 || index >= text.length() || !Character.isLetterOrDigit(text.charAt(index));
    }
}
