package org.postguard.score;

import org.postguard.check.Category;
import org.postguard.check.Signal;
import org.postguard.check.SignalKind;
import org.postguard.check.Warning;
import org.postguard.detect.Post;
import org.postguard.lexicon.LexiconMatch;
import org.postguard.lexicon.PhraseRule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Risky phrases from {@code phrases/<category>.txt}: each rule whose phrases appear (and whose
 * {@code needs} the post meets, and none of whose {@code unless} phrases appear) gives one
 * warning covering all its phrases. A combination rule's phrase counts only with one of the
 * rule's {@code near} phrases a few words away; both are underlined. A declared interest
 * ("#ad") silences conflict-of-interest rules and a stated consent patient-image rules, except
 * those that warn {@code despite = declaration}.
 */
public final class PhraseRuleScorer implements Scorer {
    @Override
    public void score(Post post, List<Signal> signals, List<Warning> out) {
        Map<PhraseRule, List<Signal>> hits = new LinkedHashMap<>();
        java.util.Set<PhraseRule> excepted = new java.util.HashSet<>();
        Map<PhraseRule, List<LexiconMatch>> near = new java.util.HashMap<>();
        for (LexiconMatch match : post.matches()) {
            if (match.entry().kind() == SignalKind.UNLESS) {
                excepted.add(match.entry().rule());
            } else if (match.entry().kind() == SignalKind.NEAR) {
                near.computeIfAbsent(match.entry().rule(), r -> new ArrayList<>()).add(match);
            }
        }
        for (LexiconMatch match : post.matches()) {
            PhraseRule rule = match.entry().rule();
            if (rule == null || match.entry().kind() != SignalKind.PHRASE || excepted.contains(rule)
                    || !meetsNeeds(rule, post, signals) || silenced(rule.category(), signals) && !rule.warnsDespiteDeclaration()) {
                continue;
            }
            Signal partner = null;
            if (rule.isCombination()) {
                partner = closest(post, match, partners(rule, near, signals), rule.within());
                if (partner == null) {
                    continue;
                }
            }
            List<Signal> spans = hits.computeIfAbsent(rule, r -> new ArrayList<>());
            add(spans, new Signal(match.start(), match.end(), SignalKind.PHRASE, match.entry().source()));
            if (partner != null) {
                add(spans, partner);
            }
        }
        hits.forEach((rule, spans) -> {
            spans.sort(java.util.Comparator.comparingInt(Signal::start));
            int start = spans.stream().mapToInt(Signal::start).min().orElseThrow();
            int end = spans.stream().mapToInt(Signal::end).max().orElseThrow();
            out.add(new Warning(rule.id(), rule.category(), rule.severity(), start, end, rule.message(), spans,
                    rule.severity().ordinal() + 1));
        });
    }

    /** Keeps the longest of overlapping spans. */
    private static void add(List<Signal> spans, Signal signal) {
        boolean covered = spans.stream()
                .anyMatch(s -> s.overlaps(signal) && s.end() - s.start() >= signal.end() - signal.start());
        if (!covered) {
            spans.removeIf(signal::overlaps);
            spans.add(signal);
        }
    }

    /** What may stand beside a combination rule's phrase: its near phrases (as phrases) and signals of its near kinds. */
    private static List<Signal> partners(PhraseRule rule, Map<PhraseRule, List<LexiconMatch>> near, List<Signal> signals) {
        List<Signal> partners = new ArrayList<>();
        for (LexiconMatch m : near.getOrDefault(rule, List.of())) {
            partners.add(new Signal(m.start(), m.end(), SignalKind.PHRASE, m.entry().source()));
        }
        if (!rule.nearSignals().isEmpty()) {
            for (Signal s : signals) {
                if (rule.nearSignals().contains(s.kind())) {
                    partners.add(s);
                }
            }
        }
        return partners;
    }

    /** The partner fewest words away from the match, within the rule's window and not overlapping it; or null. */
    private static Signal closest(Post post, LexiconMatch match, List<Signal> candidates, int within) {
        Signal best = null;
        int bestGap = Integer.MAX_VALUE;
        for (Signal candidate : candidates) {
            int gap;
            if (candidate.start() >= match.end()) {
                gap = post.wordsBefore(candidate.start()) - post.wordsBefore(match.end());
            } else if (candidate.end() <= match.start()) {
                gap = post.wordsBefore(match.start()) - post.wordsBefore(candidate.end());
            } else {
                continue;
            }
            if (gap <= within && gap < bestGap) {
                best = candidate;
                bestGap = gap;
            }
        }
        return best;
    }

    private static final java.util.regex.Pattern YOU = java.util.regex.Pattern.compile("(?i)\\b(?:you|your|you're|youre|yours)\\b");

    private static boolean meetsNeeds(PhraseRule rule, Post post, List<Signal> signals) {
        for (PhraseRule.Needs need : rule.needs()) {
            boolean met = switch (need) {
                case PATIENT -> Context.patient(signals);
                case WORK -> Context.work(signals);
                case CLINICAL -> Context.clinical(signals);
                case PERSON -> Context.patient(signals) || Context.has(signals, SignalKind.AGE) || Context.has(signals, SignalKind.NAME);
                case TIME -> Context.hasGroup(signals, SignalKind.Group.TIME);
                case PLACE -> Context.hasGroup(signals, SignalKind.Group.PLACE);
                case YOU -> YOU.matcher(post.text()).find();
            };
            if (!met) {
                return false;
            }
        }
        return true;
    }

    private static boolean silenced(Category category, List<Signal> signals) {
        return category == Category.CONFLICT_OF_INTEREST && Context.has(signals, SignalKind.INTEREST_DECLARED)
                || category == Category.PATIENT_IMAGES && Context.has(signals, SignalKind.CONSENT_DECLARED);
    }
}
