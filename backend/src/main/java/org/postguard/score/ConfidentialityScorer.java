package org.postguard.score;

import org.postguard.check.Category;
import org.postguard.check.Severity;
import org.postguard.check.Signal;
import org.postguard.check.SignalKind;
import org.postguard.check.SignalKind.Group;
import org.postguard.check.Warning;
import org.postguard.detect.Post;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Confidentiality comes from combinations: clinical words alone are teaching, but a patient
 * reference with an age, a condition, a place and a time can identify someone.
 *
 * <ul>
 *   <li>An NHS number or a date of birth is high on its own.</li>
 *   <li>A name, postcode, phone number or email is high when it meets a patient reference or
 *       clinical detail.</li>
 *   <li>A patient reference with clinical detail, or with two or more of age, sex, place and time,
 *       warns; so does a numbered bed or bay with clinical detail, an age or a sex; and so does an
 *       age anchored to a place or a time with clinical detail or a third quasi-identifier, even
 *       without an explicit reference.</li>
 *   <li>Answering a complaint (a complaint-response phrase) with clinical detail discloses the
 *       complainant's care: medium, or high with other identifiers.</li>
 *   <li>Severity rises with the number of distinct quasi-identifiers (age, sex, clinical detail,
 *       place, time, a job or someone known to you): one is low, two medium, three or more high.</li>
 *   <li>A stated consent ("shared with her written consent", "fictional case") silences all but
 *       NHS numbers and dates of birth.</li>
 * </ul>
 * Signals more than {@value #REACH} characters apart belong to different stories and are scored
 * separately, so a long post does not combine an age in one paragraph with a drug in another.
 */
public final class ConfidentialityScorer implements Scorer {
    static final int REACH = 320;
    private static final Set<Group> QUASI = EnumSet.of(Group.AGE, Group.SEX, Group.CLINICAL, Group.PLACE, Group.TIME, Group.IDENTITY);
    private static final Set<SignalKind> ALWAYS_HARD = EnumSet.of(SignalKind.NHS_NUMBER, SignalKind.DATE_OF_BIRTH);

    @Override
    public void score(Post post, List<Signal> signals, List<Warning> out) {
        boolean consent = Context.has(signals, SignalKind.CONSENT_DECLARED);
        boolean complaint = out.stream().anyMatch(w -> w.category() == Category.COMPLAINT_RESPONSE);
        for (List<Signal> story : stories(signals)) {
            scoreStory(post.text(), story, consent, complaint, out);
        }
    }

    private void scoreStory(String text, List<Signal> story, boolean consent, boolean complaint, List<Warning> out) {
        Set<Group> quasi = EnumSet.noneOf(Group.class);
        for (Signal s : story) {
            if (QUASI.contains(s.kind().group())) {
                quasi.add(s.kind().group());
            }
        }
        boolean patient = Context.has(story, SignalKind.PATIENT);
        boolean bed = Context.has(story, SignalKind.BED);
        boolean clinical = quasi.contains(Group.CLINICAL);
        List<Signal> hard = story.stream()
                .filter(s -> ALWAYS_HARD.contains(s.kind())
                        || s.kind().group() == Group.HARD && !consent && (patient || bed || clinical))
                .toList();
        if (!hard.isEmpty()) {
            List<Signal> used = pick(story, quasi, true);
            out.add(warning("confidentiality-identifier", Severity.HIGH, used, 10 + quasi.size(),
                    "This identifies a patient: " + describe(text, used) + "."));
            return;
        }
        if (consent) {
            return;
        }
        boolean anchored = quasi.contains(Group.PLACE) || quasi.contains(Group.TIME);
        boolean combination = patient && (clinical || quasi.size() >= 2)
                || bed && (clinical || quasi.contains(Group.AGE) || quasi.contains(Group.SEX))
                || quasi.contains(Group.AGE) && anchored && (clinical || quasi.size() >= 3);
        if (!combination) {
            if (complaint && clinical) {
                List<Signal> used = pick(story, quasi, false);
                out.add(warning("confidentiality-complaint-reply", quasi.size() >= 3 ? Severity.HIGH : Severity.MEDIUM,
                        used, quasi.size(), "Answering a complaint with " + describe(text, used)
                                + " discloses the complainant's care."));
            }
            return;
        }
        int count = quasi.size();
        Severity severity = count >= 3 ? Severity.HIGH : count == 2 ? Severity.MEDIUM : Severity.LOW;
        List<Signal> used = pick(story, quasi, false);
        out.add(warning("confidentiality-combination", severity, used, count,
                "A patient could be identified from " + describe(text, used) + " together."));
    }

    /** The signals that took part: patient references, quasi-identifiers and hard identifiers. */
    private static List<Signal> pick(List<Signal> story, Set<Group> quasi, boolean withHard) {
        return story.stream()
                .filter(s -> s.kind().group() == Group.PATIENT || quasi.contains(s.kind().group())
                        || withHard && s.kind().group() == Group.HARD)
                .toList();
    }

    /** "patient reference + age + condition + place + today". */
    private static String describe(String text, List<Signal> used) {
        Set<String> labels = new LinkedHashSet<>();
        for (Group group : List.of(Group.HARD, Group.PATIENT, Group.AGE, Group.SEX, Group.IDENTITY, Group.CLINICAL, Group.PLACE, Group.TIME)) {
            for (Signal s : used) {
                if (s.kind().group() == group) {
                    labels.add(label(text, s));
                    if (group != Group.HARD) {
                        break;
                    }
                }
            }
        }
        StringJoiner joined = new StringJoiner(" + ");
        labels.forEach(joined::add);
        return joined.toString();
    }

    private static String label(String text, Signal s) {
        return switch (s.kind()) {
            case TIME_ANCHOR -> text.substring(s.start(), s.end()).toLowerCase(Locale.ROOT);
            case BED, SETTING, WORKPLACE -> "place";
            default -> s.kind().label();
        };
    }

    private static Warning warning(String rule, Severity severity, List<Signal> used, double score, String message) {
        int start = used.stream().mapToInt(Signal::start).min().orElseThrow();
        int end = used.stream().mapToInt(Signal::end).max().orElseThrow();
        return new Warning(rule, Category.CONFIDENTIALITY, severity, start, end, message, used, score);
    }

    /** Splits signals (sorted by start) where two neighbours are more than REACH apart. */
    static List<List<Signal>> stories(List<Signal> signals) {
        List<List<Signal>> stories = new ArrayList<>();
        List<Signal> current = new ArrayList<>();
        int lastEnd = Integer.MIN_VALUE;
        for (Signal s : signals) {
            if (!current.isEmpty() && s.start() - lastEnd > REACH) {
                stories.add(current);
                current = new ArrayList<>();
            }
            current.add(s);
            lastEnd = Math.max(lastEnd, s.end());
        }
        if (!current.isEmpty()) {
            stories.add(current);
        }
        return stories;
    }
}
