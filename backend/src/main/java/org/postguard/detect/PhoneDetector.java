package org.postguard.detect;

import org.postguard.check.SignalKind;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** UK phone numbers: mobiles ("07700 900123", "+44 7700 900123") and landlines ("0161 496 0000"). */
public final class PhoneDetector extends RegexDetector {
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d])(?:\\+44\\s?\\(?0?\\)?\\s?|0)(?:\\d[\\s-]?){9,10}(?![\\d])");

    public PhoneDetector() {
        super(SignalKind.PHONE, PHONE);
    }

    @Override
    SignalKind classify(String text, Matcher match) {
        long digits = match.group().chars().filter(Character::isDigit).count();
        return digits >= 10 && digits <= 12 ? SignalKind.PHONE : null;
    }

    @Override
    boolean worthTrying(Pattern pattern, Post post) {
        return post.hasDigit();
    }
}
