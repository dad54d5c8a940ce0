package org.postguard.score;

import org.postguard.check.Signal;
import org.postguard.check.SignalKind;
import org.postguard.check.Warning;
import org.postguard.detect.Post;
import org.postguard.lexicon.LexiconMatch;
import org.postguard.text.Token;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The cues of a post, each name once, at its first appearance: its analysed words and pairs of
 * neighbouring words, the kinds of signal the detectors found and which kinds meet, the rules
 * whose phrases appear, and the rules that warned.
 *
 * <pre>{@code
 * List<Cue> cues = Cues.of(post, signals, ruleWarnings);
 * // [word:saw, word:34yo, signal:age, signal:bed, rule:confidentiality-combination, ...]
 * }</pre>
 */
public final class Cues {
    /** Words too common to tell anything, compared as typed (before stemming). */
    private static final Set<String> COMMON = Set.of("the", "a", "an", "and", "of", "to", "in", "on", "at", "for", "is",
            "it", "was", "be", "with", "as", "by", "or", "this", "that", "are", "so");

    /** The signal groups that can identify someone when they meet. */
    private static final Set<SignalKind.Group> IDENTIFYING = java.util.EnumSet.of(SignalKind.Group.PATIENT,
            SignalKind.Group.AGE, SignalKind.Group.SEX, SignalKind.Group.CLINICAL, SignalKind.Group.PLACE,
            SignalKind.Group.TIME, SignalKind.Group.IDENTITY, SignalKind.Group.HARD);

    private Cues() {
    }

    private static String id(SignalKind.Group group) {
        return group.name().toLowerCase(Locale.ROOT);
    }

    public static List<Cue> of(Post post, List<Signal> signals, List<Warning> ruleWarnings) {
        List<Cue> cues = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String text = post.text();
        Token previous = null;
        for (Token token : post.tokens()) {
            String typed = text.substring(token.start(), token.end()).toLowerCase(Locale.ROOT);
            String word = isNumber(token.term()) ? "#" : token.term();
            if (previous != null) {
                String before = isNumber(previous.term()) ? "#" : previous.term();
                add(cues, seen, "words:" + before + "_" + word, previous.start(), token.end());
            }
            previous = token;
            if (COMMON.contains(typed)) {
                continue;
            }
            add(cues, seen, "word:" + word, token.start(), token.end());
        }
        java.util.Map<SignalKind.Group, Signal> groups = new java.util.EnumMap<>(SignalKind.Group.class);
        for (Signal s : signals) {
            add(cues, seen, "signal:" + s.kind().id(), s.start(), s.end());
            if (IDENTIFYING.contains(s.kind().group())) {
                groups.putIfAbsent(s.kind().group(), s);
            }
        }
        // What identifies is a combination, which a sum of single cues cannot see: pairs, and how many kinds meet.
        List<SignalKind.Group> present = new ArrayList<>(groups.keySet());
        for (int i = 0; i < present.size(); i++) {
            for (int j = i + 1; j < present.size(); j++) {
                Signal first = groups.get(present.get(i));
                add(cues, seen, "pair:" + id(present.get(i)) + "+" + id(present.get(j)), first.start(), first.end());
            }
        }
        if (!present.isEmpty()) {
            Signal first = groups.get(present.getFirst());
            add(cues, seen, "kinds:" + Math.min(present.size(), 5), first.start(), first.end());
        }
        for (LexiconMatch match : post.matches()) {
            if (match.entry().kind() == SignalKind.PHRASE) {
                add(cues, seen, "phrase:" + match.entry().rule().id(), match.start(), match.end());
            }
        }
        for (Warning w : ruleWarnings) {
            Signal first = w.signals().isEmpty() ? null : w.signals().getFirst();
            int start = first == null ? w.start() : first.start();
            int end = first == null ? w.end() : first.end();
            add(cues, seen, "rule:" + w.rule(), start, end);
            add(cues, seen, "category:" + w.category().id(), start, end);
        }
        return cues;
    }

    private static void add(List<Cue> cues, Set<String> seen, String name, int start, int end) {
        if (seen.add(name)) {
            cues.add(new Cue(name, start, end));
        }
    }

    private static boolean isNumber(String term) {
        for (int i = 0; i < term.length(); i++) {
            if (!Character.isDigit(term.charAt(i))) {
                return false;
            }
        }
        return !term.isEmpty();
    }
}
