package org.postguard.eval;

import org.postguard.check.Category;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses each category's threshold from out-of-fold probabilities: first the one with the best
 * F1 for that category (for confidentiality, recall weighed more: {@link #CONFIDENTIALITY_RECALL_WEIGHT}), then the smallest common rise (the same step in log-odds for every
 * category) that keeps the share of safe posts getting any warning within
 * {@link #FALSE_ALARM_BUDGET}. A false alarm on a good post costs trust in every later warning,
 * so the budget binds before F1 does.
 */
final class Thresholds {
    /** The share of safe posts that may get any warning, across all categories together. */
    static final double FALSE_ALARM_BUDGET = 0.03;
    /**
     * A missed confidentiality breach costs a doctor far more than a second look at a good post,
     * so that category's threshold maximises F-beta with this beta (recall counts 1.5 times as
     * much as precision) rather than F1. Chosen by the writer-held-out cross-validation: confidentiality
     * recall 0.81 to 0.86 at precision 0.90 to 0.86; 2 gave 0.88 but cost the other categories
     * more recall under the shared false-alarm budget.
     */
    static final double CONFIDENTIALITY_RECALL_WEIGHT = 1.5;
    private static final double LOWEST = 0.10;
    private static final double HIGHEST = 0.95;
    private static final double STEP = 0.01;

    private final Map<Category, double[]> probabilities;
    private final Map<Category, boolean[]> truth;
    private final List<Set<Category>> labels;

    Thresholds(Map<Category, double[]> probabilities, Map<Category, boolean[]> truth, List<Set<Category>> labels) {
        this.probabilities = probabilities;
        this.truth = truth;
        this.labels = labels;
    }

    Map<Category, Double> choose() {
        Map<Category, Double> chosen = new EnumMap<>(Category.class);
        for (Category c : probabilities.keySet()) {
            double best = 0.5;
            double bestF1 = -1;
            for (double t = LOWEST; t <= HIGHEST + 1e-9; t += STEP) {
                double f1 = f1(c, t);
                if (f1 > bestF1 + 1e-9) {
                    bestF1 = f1;
                    best = t;
                }
            }
            chosen.put(c, best);
        }
        // One shift in log-odds for every category, the smallest that keeps false alarms within budget.
        Map<Category, Double> best = new EnumMap<>(chosen);
        for (double shift = 0; shift <= 6 + 1e-9 && falseAlarms(best) > FALSE_ALARM_BUDGET; shift += 0.05) {
            for (Category c : chosen.keySet()) {
                best.put(c, Math.min(HIGHEST, sigmoid(logit(chosen.get(c)) + shift)));
            }
        }
        return best;
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** F-beta for the category at this threshold: F1, but for confidentiality recall weighs {@link #CONFIDENTIALITY_RECALL_WEIGHT} times. */
    private double f1(Category c, double threshold) {
        double[] p = probabilities.get(c);
        boolean[] y = truth.get(c);
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < p.length; i++) {
            boolean flagged = p[i] >= threshold;
            tp += flagged && y[i] ? 1 : 0;
            fp += flagged && !y[i] ? 1 : 0;
            fn += !flagged && y[i] ? 1 : 0;
        }
        double b2 = c == Category.CONFIDENTIALITY ? CONFIDENTIALITY_RECALL_WEIGHT * CONFIDENTIALITY_RECALL_WEIGHT : 1;
        return tp == 0 ? 0 : (1 + b2) * tp / ((1 + b2) * tp + fp + b2 * fn);
    }

    /** The share of safe posts that at least one category flags. */
    private double falseAlarms(Map<Category, Double> chosen) {
        int safe = 0;
        int alarms = 0;
        for (int i = 0; i < labels.size(); i++) {
            if (!labels.get(i).isEmpty()) {
                continue;
            }
            safe++;
            for (Map.Entry<Category, Double> e : chosen.entrySet()) {
                if (probabilities.get(e.getKey())[i] >= e.getValue()) {
                    alarms++;
                    break;
                }
            }
        }
        return safe == 0 ? 0 : (double) alarms / safe;
    }
}
