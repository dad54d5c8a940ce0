package org.postguard.detect;

import org.postguard.check.Signal;
import org.postguard.check.SignalKind;
import org.postguard.lexicon.Lexicon;

import java.util.ArrayList;
import java.util.List;

/** Runs one detector on a text and returns the words it marked. */
final class DetectorTestSupport {
    private static final Lexicon EMPTY = Lexicon.build(List.of());

    private DetectorTestSupport() {
    }

    static List<String> found(Detector detector, String text) {
        return found(detector, text, null);
    }

    static List<String> found(Detector detector, String text, SignalKind kind) {
        List<Signal> out = new ArrayList<>();
        detector.detect(new Post(text, List.of(), EMPTY), out);
        return out.stream().filter(s -> kind == null || s.kind() == kind)
                .map(s -> text.substring(s.start(), s.end())).toList();
    }
}
