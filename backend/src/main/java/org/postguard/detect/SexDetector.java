package org.postguard.detect;

import org.postguard.check.Signal;
import org.postguard.check.SignalKind;
import org.postguard.text.Token;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Words that give a person's sex or family role ("lady", "gentleman", "lad", "mum"), and "72M". */
public final class SexDetector implements Detector {
    private static final Set<String> PERSON = Set.of("lady", "ladies", "gentleman", "gentlemen", "gent", "woman", "women", "man",
            "girl", "boy", "chap", "guy", "lad", "lass", "bloke", "fella", "female", "male", "mum", "mother", "dad", "father",
            "grandad", "grandfather", "granny", "grandma", "grandmother", "nan", "gran", "husband", "wife", "son", "daughter",
            "brother", "sister", "pregnant", "primip", "multip");
    private static final Pattern COMPACT = Pattern.compile("\\b\\d{1,3}\\s?(?:yo)?[MF]\\b");

    @Override
    public void detect(Post post, List<Signal> out) {
        String text = post.text();
        for (Token token : post.tokens()) {
            if (PERSON.contains(text.substring(token.start(), token.end()).toLowerCase(Locale.ROOT))) {
                out.add(new Signal(token.start(), token.end(), SignalKind.SEX, "SexDetector"));
            }
        }
        if (post.hasDigit()) {
            Matcher m = COMPACT.matcher(text);
            while (m.find()) {
                out.add(new Signal(m.start(), m.end(), SignalKind.SEX, "SexDetector"));
            }
        }
    }
}
