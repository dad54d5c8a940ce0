package org.postguard.detect;

import org.postguard.check.SignalKind;

import java.util.regex.Pattern;

/** Full UK postcodes ("SW1A 1AA", "m13 9pl"). */
public final class PostcodeDetector extends RegexDetector {
    private static final Pattern POSTCODE = Pattern.compile(
            "(?i)\\b(?:[A-PR-UWYZ][A-HK-Y]?\\d[A-Z\\d]?)\\s?\\d[ABD-HJLNP-UW-Z]{2}\\b");

    public PostcodeDetector() {
        super(SignalKind.POSTCODE, POSTCODE);
    }

    @Override
    boolean worthTrying(Pattern pattern, Post post) {
        return post.hasDigit();
    }
}
