package org.postguard.eval;

import org.postguard.check.Category;
import org.postguard.check.CheckRequest;
import org.postguard.check.Checker;
import org.postguard.check.Warning;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Detection quality over a labelled corpus: per category true and false positives and misses,
 * micro-averaged totals, the share of safe posts that got any warning, and the share of risky
 * posts (any label) that got at least one warning, whichever its category.
 */
public final class Evaluation {
    private final Map<Category, int[]> counts = new EnumMap<>(Category.class);
    private int safePosts;
    private int safeFlagged;
    private int riskyPosts;
    private int riskyWarned;
    private int posts;
    private final List<String> mistakes = new java.util.ArrayList<>();

    private Evaluation() {
        for (Category c : Category.values()) {
            counts.put(c, new int[3]);
        }
    }

    /** Runs every post through the checker. */
    public static Evaluation run(Checker checker, List<Corpus.Post> corpus) {
        Evaluation evaluation = new Evaluation();
        for (Corpus.Post post : corpus) {
            Set<Category> flagged = EnumSet.noneOf(Category.class);
            Set<String> rules = new java.util.TreeSet<>();
            for (Warning w : checker.check(CheckRequest.of(post.text())).warnings()) {
                flagged.add(w.category());
                rules.add(w.rule());
            }
            evaluation.add(post.categories(), flagged);
            if (!flagged.equals(post.categories())) {
                evaluation.mistakes.add(post.id() + ": expected " + post.categories() + ", got " + flagged + " by " + rules);
            }
        }
        return evaluation;
    }

    private void add(Set<Category> expected, Set<Category> flagged) {
        posts++;
        for (Category c : Category.values()) {
            int[] tpFpFn = counts.get(c);
            if (flagged.contains(c) && expected.contains(c)) {
                tpFpFn[0]++;
            } else if (flagged.contains(c)) {
                tpFpFn[1]++;
            } else if (expected.contains(c)) {
                tpFpFn[2]++;
            }
        }
        if (expected.isEmpty()) {
            safePosts++;
            if (!flagged.isEmpty()) {
                safeFlagged++;
            }
        } else {
            riskyPosts++;
            if (!flagged.isEmpty()) {
                riskyWarned++;
            }
        }
    }

    /** Posts whose flagged categories differ from their labels: "id: expected [...], got [...]". */
    public List<String> mistakes() {
        return List.copyOf(mistakes);
    }

    public double precision(Category c) {
        int[] n = counts.get(c);
        return ratio(n[0], n[0] + n[1]);
    }

    public double recall(Category c) {
        int[] n = counts.get(c);
        return ratio(n[0], n[0] + n[2]);
    }

    /** Of the posts with any label, the share that got at least one warning (of any category): how often a risky post's writer is stopped to think at all. */
    public double riskyPostsWarned() {
        return ratio(riskyWarned, riskyPosts);
    }

    public double falseAlarmRate() {
        return safePosts == 0 ? 0 : (double) safeFlagged / safePosts;
    }

    private int total(int index) {
        return counts.values().stream().mapToInt(n -> n[index]).sum();
    }

    public double precision() {
        return ratio(total(0), total(0) + total(1));
    }

    public double recall() {
        return ratio(total(0), total(0) + total(2));
    }

    public double f1() {
        return f1(precision(), recall());
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Precision of nothing flagged is 1 (no false alarm); recall of nothing expected is 1. */
    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 1.0 : (double) numerator / denominator;
    }

    /** The report {@code evaluate} prints; its last line is the machine-readable summary. */
    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-22s %5s %5s %5s %9s %7s %6s%n", "category", "TP", "FP", "FN", "precision", "recall", "F1"));
        for (Category c : Category.values()) {
            int[] n = counts.get(c);
            out.append(String.format(Locale.ROOT, "%-22s %5d %5d %5d %9.3f %7.3f %6.3f%n", c.id(), n[0], n[1], n[2],
                    precision(c), recall(c), f1(precision(c), recall(c))));
        }
        out.append(String.format(Locale.ROOT, "posts: %d, safe posts: %d, safe posts with any warning: %d%n", posts, safePosts, safeFlagged));
        out.append(String.format(Locale.ROOT, "risky posts with any warning: %d of %d (%.3f)%n", riskyWarned, riskyPosts, riskyPostsWarned()));
        out.append(String.format(Locale.ROOT, "false alarm rate on safe posts: %.3f%n", falseAlarmRate()));
        out.append(String.format(Locale.ROOT, "overall: precision=%.3f recall=%.3f f1=%.3f false_alarms=%.3f",
                precision(), recall(), f1(), falseAlarmRate()));
        return out.toString();
    }
}
