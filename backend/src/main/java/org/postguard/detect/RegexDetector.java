package org.postguard.detect;

import org.postguard.check.Signal;
import org.postguard.check.SignalKind;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A detector whose spans are the matches of one or more regular expressions. */
abstract class RegexDetector implements Detector {
    private final SignalKind kind;
    private final List<Pattern> patterns;

    RegexDetector(SignalKind kind, Pattern... patterns) {
        this.kind = kind;
        this.patterns = List.of(patterns);
    }

    @Override
    public void detect(Post post, List<Signal> out) {
        for (Pattern pattern : patterns) {
            if (!worthTrying(pattern, post)) {
                continue;
            }
            Matcher m = pattern.matcher(post.text());
            while (m.find()) {
                SignalKind found = classify(post.text(), m);
                if (found != null && m.end() > m.start()) {
                    out.add(new Signal(m.start(), m.end(), found, getClass().getSimpleName()));
                }
            }
        }
    }

    /**
     * Whether the pattern could match this post at all: a cheap look at its words or digits that
     * spares running the pattern on every keystroke. By default, always.
     */
    boolean worthTrying(Pattern pattern, Post post) {
        return true;
    }

    static java.util.Set<String> words(String... words) {
        return java.util.Set.of(words);
    }

    /** The kind of this match, or null to reject it. By default, the detector's kind. */
    SignalKind classify(String text, Matcher match) {
        return kind;
    }

    /** The few characters before a match, lower-cased, to read labels like "DOB" or "in my". */
    static String before(String text, int index, int length) {
        return text.substring(Math.max(0, index - length), index).toLowerCase(java.util.Locale.ROOT);
    }
}
