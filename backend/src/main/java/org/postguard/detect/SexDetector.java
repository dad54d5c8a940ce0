package org.postguard.detect;

import org.postguard.check.SignalKind;

import java.util.regex.Pattern;

/** Words that give a person's sex or family role ("lady", "gentleman", "lad", "mum"). */
public final class SexDetector extends RegexDetector {
    private static final Pattern PERSON = Pattern.compile(
            "(?i)\\b(?:lady|ladies|gentleman|gentlemen|gent|woman|women|man|girl|boy|chap|guy|lad|lass|bloke|fella"
                    + "|female|male|mum|mother|dad|father|grandad|grandfather|granny|grandma|grandmother|nan|gran"
                    + "|husband|wife|son|daughter|brother|sister|pregnant|primip|multip)\\b");
    private static final Pattern COMPACT = Pattern.compile("\\b\\d{1,3}\\s?(?:yo)?([MF])\\b");

    public SexDetector() {
        super(SignalKind.SEX, PERSON, COMPACT);
    }
}
