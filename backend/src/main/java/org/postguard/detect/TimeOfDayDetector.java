package org.postguard.detect;

import org.postguard.check.SignalKind;

import java.util.regex.Pattern;

/** Clock times: "at 3am", "03:40", "at 0300", "2 o'clock". */
public final class TimeOfDayDetector extends RegexDetector {
    private static final Pattern CLOCK = Pattern.compile("(?i)\\b(?:[01]?\\d|2[0-3])[:.][0-5]\\d\\s?(?:am|pm|hrs|h)?\\b");
    private static final Pattern AM_PM = Pattern.compile("(?i)\\b(?:1[0-2]|0?[1-9])\\s?(?:am|pm)\\b");
    private static final Pattern HOURS = Pattern.compile("(?i)\\b(?:at|@|from|till|until|by)\\s?(?:[01]\\d|2[0-3])[0-5]\\d(?:\\s?hrs|h)?\\b");
    private static final Pattern OCLOCK = Pattern.compile("(?i)\\b(?:1[0-2]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\s?o'?clock\\b");

    private static final java.util.Set<String> CLOCK_WORDS = words("o'clock", "oclock", "o’clock", "clock");

    public TimeOfDayDetector() {
        super(SignalKind.TIME, CLOCK, AM_PM, HOURS, OCLOCK);
    }

    @Override
    boolean worthTrying(Pattern pattern, Post post) {
        return pattern == OCLOCK ? post.hasAnyWord(CLOCK_WORDS) : post.hasDigit();
    }
}
