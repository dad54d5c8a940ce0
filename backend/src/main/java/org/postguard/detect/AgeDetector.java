package org.postguard.detect;

import org.postguard.check.SignalKind;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ages as clinicians and patients write them: "34yo", "34 y/o", "34-year-old", "aged 34",
 * "in her 80s", "a 3 month old", "72M". The doctor's own age ("I'm 34", "in my 40s") is not
 * reported: it identifies nobody else.
 */
public final class AgeDetector extends RegexDetector {
    private static final String DECADES = "(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)";
    private static final Pattern YEARS_OLD = Pattern.compile(
            "(?i)\\b\\d{1,3}\\s?(?:-\\s?)?(?:yo|y/o|y\\.o\\.?|yrs?(?:\\s?old)?|years?(?:\\s|-)old|yr(?:\\s|-)old|year(?:\\s|-)?old)(?![a-z])");
    private static final Pattern INFANT = Pattern.compile(
            "(?i)\\b\\d{1,2}\\s?(?:-\\s?)?(?:day|week|wk|month|mo)s?(?:\\s|-)old\\b");
    private static final Pattern AGED = Pattern.compile("(?i)\\b(?:aged?|age:)\\s?\\d{1,3}\\b");
    private static final Pattern DECADE = Pattern.compile(
            "(?i)\\b(?:in\\s+)?(?:his|her|early|mid|late)\\s+(?:early\\s+|mid\\s+|late\\s+|mid-)?(?:\\d0s|\\d0's|" + DECADES + ")");
    private static final Pattern COMPACT = Pattern.compile("\\b\\d{1,3}\\s?(?:M|F|yo[MF])\\b");
    /** "She's 97", "he was 40": someone else's age, told plainly. */
    private static final Pattern THIRD_PERSON = Pattern.compile(
            "(?i)\\b(?:she|he)(?:'s|’s|\\s+is|\\s+was)\\s+(?:only\\s+|just\\s+|nearly\\s+|almost\\s+)?\\d{1,3}\\b"
                    + "(?!\\s?(?:%|kg|lb|st\\b|stone|cm|mm|mins?|minutes|hours?|hrs?|days?|weeks?|wks?|months?|times|of|out|/|:|\\.\\d))");

    /** "Tom, 29, a paramedic": a first name with an age after it. */
    private static final Pattern NAME_COMMA_AGE = Pattern.compile("\\b[A-Z][a-z]{2,},\\s\\d{1,3}(?=[,.;)]|\\s(?:and|from|who|with)\\b)");

    public AgeDetector() {
        super(SignalKind.AGE, YEARS_OLD, INFANT, AGED, DECADE, COMPACT, THIRD_PERSON, NAME_COMMA_AGE);
    }

    private static final java.util.Set<String> DECADE_WORDS = words("his", "her", "early", "mid", "late");

    @Override
    boolean worthTrying(Pattern pattern, Post post) {
        return pattern == DECADE ? post.hasAnyWord(DECADE_WORDS) : post.hasDigit();
    }

    /** "aged 2-3", "aged 65 and over", "over-65s": a population, not a person. */
    private static final Pattern POPULATION_AFTER = Pattern.compile("(?i)^(?:\\s?(?:-|–|to)\\s?\\d|s\\b|\\+|\\s(?:and|or)\\s(?:over|under|above|older|younger)|\\s?plus)");

    private static final Pattern POPULATION_BEFORE = Pattern.compile(
            "\\b(?:over|under|aged over|aged under|patients|people|those|anyone|children|adults)\\s*$");
    private static final Pattern FAMILY_BEFORE = Pattern.compile(
            "\\bmy\\s+(?:little\\s+|eldest\\s+|youngest\\s+|oldest\\s+|baby\\s+|twin\\s+)?(?:son|daughter|boy|girl|kid|kids|child|children"
                    + "|mum|mom|dad|mother|father|husband|wife|partner|brother|sister|nan|gran|grandad|grandma|grandpa|niece|nephew)"
                    + "\\b[^.!?]{0,12}$");
    private static final Pattern OWN_AGE_BEFORE = Pattern.compile(
            "\\b(?:i'm|i am|im|i was|i turned|i turn|when i was|i'll be|in my|at)\\s*$");

    @Override
    SignalKind classify(String text, Matcher match) {
        String after = text.substring(match.end(), Math.min(text.length(), match.end() + 12));
        if (POPULATION_AFTER.matcher(after).find()) {
            return null;
        }
        String before = before(text, match.start(), 12);
        if (POPULATION_BEFORE.matcher(before).find()) {
            return null;
        }
        if (FAMILY_BEFORE.matcher(before(text, match.start(), 32)).find()) {
            return null; // "my son, aged 7": the doctor's own family, told by the doctor
        }
        return OWN_AGE_BEFORE.matcher(before).find() ? null : SignalKind.AGE;
    }
}
