package org.postguard.detect;

import org.postguard.check.SignalKind;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NHS numbers: ten digits, run together or spaced 3-3-4, whose last digit is the modulus-11
 * check digit of the first nine. A number labelled "NHS" counts even with a wrong check digit,
 * since a mistyped NHS number is still one.
 */
public final class NhsNumberDetector extends RegexDetector {
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d+])(\\d{3})[ -]?(\\d{3})[ -]?(\\d{4})(?![\\d])");

    public NhsNumberDetector() {
        super(SignalKind.NHS_NUMBER, NUMBER);
    }

    @Override
    SignalKind classify(String text, Matcher match) {
        String digits = match.group(1) + match.group(2) + match.group(3);
        boolean labelled = before(text, match.start(), 24).contains("nhs");
        return isValid(digits) || labelled ? SignalKind.NHS_NUMBER : null;
    }

    /** True when ten digits carry a correct modulus-11 check digit. */
    public static boolean isValid(String digits) {
        if (digits.length() != 10 || !digits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }

    @Override
    boolean worthTrying(Pattern pattern, Post post) {
        return post.hasDigit();
    }
}
