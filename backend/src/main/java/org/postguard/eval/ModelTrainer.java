package org.postguard.eval;

import org.postguard.check.Category;
import org.postguard.check.CheckRequest;
import org.postguard.check.Checker;
import org.postguard.lexicon.DataFiles;
import org.postguard.score.CategoryModel;
import org.postguard.score.Cue;
import org.postguard.score.Cues;
import org.postguard.score.Meaning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Learns the {@link CategoryModel} from labelled posts: the rules run on each post, its
 * {@link Cues} are collected, and one L2-regularised logistic regression per category learns how
 * much each cue counts and, for the model that uses it, each number of the post's {@link Meaning}. Thresholds come from cross-validation that holds out whole writers
 * ({@link Thresholds}: each category's best F1, for confidentiality F-beta weighing recall more,
 * raised together until at most 3% of safe posts would get a warning). Training is deterministic: the same corpus, data and code give the same
 * model.
 *
 * <pre>
 * java -cp postguard-backend.jar org.postguard.eval.ModelTrainer OUT_FOLDER tune.jsonl [more.jsonl...] [--votes tune-votes.tsv] [--mistakes oof.tsv]
 * </pre>
 * With {@code --mistakes}, it always retrains and writes the posts the shipped model (with meaning)
 * got wrong when their writer was held out, to study misses without looking at the test part.
 * With {@code --votes}, the fine-tuned model's out-of-fold votes on those posts, the model that
 * weighs meaning also gets a threshold per category for judging beside the {@link org.postguard.score.Votes},
 * and weights for how much each other category's likelihood counts towards it (stacked on every
 * post's out-of-fold judgements: {@code (beside ...)} lines), which ship only when, with
 * thresholds of their own, they judge the held-out writers better (F1) than each category alone.
 * The build runs it on the tuning corpus only; the held-out test corpus never reaches it.
 */
public final class ModelTrainer {
    /** A cue must appear in this many training posts to get a weight: rarer ones would be memorised. */
    static final int MIN_POSTS_PER_CUE = 2;
    /** Pairs of words are many and each is rare: they need a few more posts to count. */
    static final int MIN_POSTS_PER_PAIR = 3;
    static final int EPOCHS = 60;
    static final double LEARNING_RATE = 0.1;
    static final double L2 = 0.01;
    /** At most this many folds: writers beyond it share folds, so training time stays bounded. */
    static final int FOLDS = 10;
    static final long SEED = 20261201L;
    /**
     * The post's {@link Meaning} enters scaled up, so that its 384 small numbers (a unit vector)
     * move the score as much as a handful of cues; with a lighter shrinkage than the cues, since
     * every post uses all of them. Both chosen by the writer-held-out cross-validation.
     */
    static final double MEANING_SCALE = 8;
    static final double MEANING_L2 = 0.001;
    /** Shrinkage of the weights of the other categories' likelihoods (CategoryModel's "beside" lines), per post summed over. */
    static final double BESIDE_L2 = 1.0;

    private final Map<String, Integer> cueIds = new LinkedHashMap<>();
    private final List<int[]> posts = new ArrayList<>();
    private final List<java.util.Set<Category>> labels = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    /** Per post, the categories its declarations silence (ModelScorer.silenced): never flagged in cross-validation either. */
    private final List<java.util.Set<Category>> silenced = new ArrayList<>();
    /** The cross-validation fold of each post: its writer when the corpus names several, else a seeded shuffle. */
    private final int[] folds;
    /** Per post, the log-odds of each category's out-of-fold fine-tuned vote ({@link #readVotes}); else null. */
    private final float[][] votes;
    /** Per post, its meaning times {@link #MEANING_SCALE}; empty rows when the model learns from cues alone. */
    private final float[][] meanings;

    private ModelTrainer(Checker rules, List<Corpus.Post> corpus, Meaning meaning, Map<String, float[]> outside) {
        Map<String, Integer> postsPerCue = new HashMap<>();
        List<List<String>> named = new ArrayList<>();
        for (Corpus.Post post : corpus) {
            Checker.Analysis analysis = rules.analyse(CheckRequest.of(post.text()));
            List<Cue> cues = Cues.of(analysis.post(), analysis.signals(), analysis.warnings());
            List<String> names = cues.stream().map(Cue::name).toList();
            java.util.Set<Category> quiet = java.util.EnumSet.noneOf(Category.class);
            for (Category c : Category.values()) {
                if (org.postguard.score.ModelScorer.silenced(c, cues) && analysis.warnings().stream().noneMatch(w -> w.category() == c)) {
                    quiet.add(c);
                }
            }
            silenced.add(quiet);
            names.forEach(n -> postsPerCue.merge(n, 1, Integer::sum));
            named.add(names);
            labels.add(post.categories());
            ids.add(post.id());
        }
        postsPerCue.entrySet().stream()
                .filter(e -> e.getValue() >= (e.getKey().startsWith("words:") ? MIN_POSTS_PER_PAIR : MIN_POSTS_PER_CUE))
                .map(Map.Entry::getKey).sorted()
                .forEach(name -> cueIds.put(name, cueIds.size()));
        for (List<String> names : named) {
            posts.add(names.stream().filter(cueIds::containsKey).mapToInt(cueIds::get).sorted().toArray());
        }
        folds = folds(corpus);
        meanings = new float[corpus.size()][];
        votes = outside.isEmpty() ? null : corpus.stream().map(p -> outside.get(p.id())).toArray(float[][]::new);
        java.util.stream.IntStream.range(0, corpus.size()).parallel().forEach(i -> {
            float[] m = meaning == null ? new float[0] : meaning.of(corpus.get(i).text());
            for (int k = 0; k < m.length; k++) {
                m[k] *= (float) MEANING_SCALE;
            }
            meanings[i] = m;
        });
    }

    /**
     * Reads the fine-tuned model's votes on the corpus: tab-separated lines of a post id, then one
     * probability per category in {@link Category} order, as {@code scripts/fine-tune} writes them.
     * They must be out-of-fold (each from a model that did not learn from that post's writer), so
     * that the thresholds chosen on them hold for writing the fine-tuned model has not seen.
     * Every post needs one; a probability of 0 or 1 is capped at 1e-4 from it.
     */
    static Map<String, float[]> readVotes(Path file, List<Corpus.Post> corpus) throws IOException {
        Map<String, float[]> votes = new HashMap<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            String[] field = line.split("\t");
            if (field.length != Category.values().length + 1) {
                throw new IllegalArgumentException(file + " line " + number + ": needs a post id and " + Category.values().length
                        + " probabilities, tab-separated");
            }
            float[] vote = new float[Category.values().length];
            for (int c = 0; c < vote.length; c++) {
                double p = Math.min(1 - 1e-4, Math.max(1e-4, Double.parseDouble(field[c + 1])));
                vote[c] = (float) Math.log(p / (1 - p));
            }
            votes.put(field[0], vote);
        }
        for (Corpus.Post post : corpus) {
            if (!votes.containsKey(post.id())) {
                throw new IllegalArgumentException(file + " has no vote for " + post.id() + ": run scripts/fine-tune again");
            }
        }
        return votes;
    }

    /**
     * Posts by one writer share habits of wording, so a model that has seen some of a writer's
     * posts judges the rest too kindly. When the ids name their writer ({@code w3-0042}: writer
     * {@code w3}) and there are at least three writers, each fold holds whole writers (one each,
     * up to {@link #FOLDS}): the thresholds are then chosen on writing the model has not seen, as
     * PostGuard meets it in use. Otherwise the folds are a seeded shuffle.
     */
    private static int[] folds(List<Corpus.Post> corpus) {
        Map<String, Integer> writers = new LinkedHashMap<>();
        int[] byWriter = new int[corpus.size()];
        for (int i = 0; i < corpus.size(); i++) {
            String id = corpus.get(i).id();
            String writer = id.contains("-") ? id.substring(0, id.indexOf('-')) : id;
            byWriter[i] = writers.computeIfAbsent(writer, w -> writers.size()) % FOLDS;
        }
        if (writers.size() >= 3) {
            return byWriter;
        }
        int[] shuffled = new int[corpus.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new Random(SEED));
        for (int i = 0; i < order.size(); i++) {
            shuffled[order.get(i)] = i % FOLDS;
        }
        return shuffled;
    }

    /** A trained model and its cross-validated quality. */
    /**
     * The trained model, its cross-validated quality as text, and the posts the shipped judgement
     * got wrong when their writer was held out: one line each, {@code id <TAB> labelled <TAB> flagged}.
     */
    public record Trained(CategoryModel model, String crossValidation, List<String> outOfFoldMistakes) {
    }

    /** Trains on the corpus's cues, with the rules of this checker (which must not itself use a model). */
    public static Trained train(Checker rules, List<Corpus.Post> corpus) {
        return train(rules, corpus, null);
    }

    /** Trains on the corpus's cues and, when a sentence model is given, on each post's meaning. */
    public static Trained train(Checker rules, List<Corpus.Post> corpus, Meaning meaning) {
        return train(rules, corpus, meaning, Map.of());
    }

    /**
     * Trains as {@link #train(Checker, List, Meaning)} and, when given the fine-tuned model's
     * out-of-fold votes on the corpus (log-odds by post id, {@link #readVotes}), also chooses each
     * category's threshold for judging by the mean of the model's log-odds and the vote's.
     */
    public static Trained train(Checker rules, List<Corpus.Post> corpus, Meaning meaning, Map<String, float[]> votes) {
        ModelTrainer trainer = new ModelTrainer(rules, corpus, meaning, votes);
        CategoryModel model = trainer.train();
        return new Trained(model, trainer.crossValidation, trainer.mistakes);
    }

    private CategoryModel train() {
        String[] names = cueIds.keySet().toArray(String[]::new);
        Map<Category, boolean[]> truth = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            boolean[] y = new boolean[posts.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = labels.get(i).contains(category);
            }
            truth.put(category, y);
        }
        // Categories train independently (and deterministically), so they share the cores.
        Map<Category, double[]> outOfFold = new EnumMap<>(Category.class);
        Map<Category, double[]> mixedLogOdds = new EnumMap<>(Category.class);
        Map<Category, double[]> fitted = new EnumMap<>(Category.class);
        java.util.Arrays.stream(Category.values()).parallel().forEach(category -> {
            double[] p = outOfFold(truth.get(category));
            double[] mixed = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                if (votes != null) { // the model's and the fine-tuned vote's log-odds, weighed equally (CategoryModel.judge)
                    double logOdds = Math.log(Math.max(p[i], 1e-300) / Math.max(1 - p[i], 1e-300));
                    mixed[i] = Math.max(-30, Math.min(30, (logOdds + votes[i][category.ordinal()]) / 2));
                }
                if (silenced.get(i).contains(category)) {
                    p[i] = 0;
                }
            }
            double[] w = fit(allIndices(), truth.get(category));
            synchronized (outOfFold) {
                outOfFold.put(category, p);
                mixedLogOdds.put(category, mixed);
                fitted.put(category, w);
            }
        });
        Map<Category, Map<Category, Double>> beside = new EnumMap<>(Category.class);
        Map<Category, double[]> outOfFoldWithVotes = new EnumMap<>(Category.class);
        Map<Category, double[]> outOfFoldAlone = new EnumMap<>(Category.class);
        if (votes != null) {
            for (Category category : Category.values()) {
                beside.put(category, besideWeights(category, mixedLogOdds, truth.get(category), allIndices()));
                outOfFoldWithVotes.put(category, besideOutOfFold(category, mixedLogOdds, truth.get(category)));
                double[] alone = mixedLogOdds.get(category).clone();
                for (int i = 0; i < alone.length; i++) {
                    alone[i] = silenced.get(i).contains(category) ? 0 : sigmoid(alone[i]);
                }
                outOfFoldAlone.put(category, alone);
            }
        }
        Map<Category, Double> thresholds = new Thresholds(outOfFold, truth, labels).choose();
        Map<Category, Double> thresholdsBeside = votes == null ? Map.of() : new Thresholds(outOfFoldWithVotes, truth, labels).choose();
        Map<Category, Double> thresholdsAlone = votes == null ? Map.of() : new Thresholds(outOfFoldAlone, truth, labels).choose();
        // The other categories' likelihoods ship only if, on writers held out, they judge better than each category alone.
        boolean besideShips = votes != null
                && f1(flaggedAt(outOfFoldWithVotes, thresholdsBeside)) > f1(flaggedAt(outOfFoldAlone, thresholdsAlone));
        if (!besideShips) {
            beside.clear();
        }
        Map<Category, Double> thresholdsWithVotes = besideShips ? thresholdsBeside : thresholdsAlone;
        Map<Category, boolean[]> flagged = flaggedAt(outOfFold, thresholds);
        Map<Category, CategoryModel.Weights> weights = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            double threshold = thresholds.get(category);
            double[] w = fitted.get(category);
            Map<String, Double> cues = new HashMap<>();
            for (int c = 0; c < names.length; c++) {
                if (Math.abs(w[c]) >= 0.005) {
                    cues.put(names[c], w[c]);
                }
            }
            float[] meaning = new float[w.length - names.length - 1];
            for (int k = 0; k < meaning.length; k++) {
                meaning[k] = (float) (w[names.length + 1 + k] * MEANING_SCALE); // weighs the unscaled meaning
            }
            weights.put(category, new CategoryModel.Weights(w[names.length], threshold, cues, meaning,
                    thresholdsWithVotes.getOrDefault(category, Double.NaN), beside.getOrDefault(category, Map.of())));
        }
        crossValidation = report(flagged);
        mistakes = mistakes(votes == null ? flagged : besideShips
                ? flaggedAt(outOfFoldWithVotes, thresholdsBeside) : flaggedAt(outOfFoldAlone, thresholdsAlone));
        if (votes != null) {
            crossValidation += "\n with the fine-tuned votes, each category alone" + (besideShips ? "" : " (as shipped)") + ":\n"
                    + report(flaggedAt(outOfFoldAlone, thresholdsAlone))
                    + "\n with the fine-tuned votes, each category beside the others" + (besideShips ? " (as shipped)" : "") + ":\n"
                    + report(flaggedAt(outOfFoldWithVotes, thresholdsBeside));
        }
        return new CategoryModel(weights);
    }

    private static Map<Category, boolean[]> flaggedAt(Map<Category, double[]> probabilities, Map<Category, Double> thresholds) {
        Map<Category, boolean[]> flagged = new EnumMap<>(Category.class);
        probabilities.forEach((category, p) -> {
            boolean[] f = new boolean[p.length];
            double threshold = thresholds.get(category);
            for (int i = 0; i < p.length; i++) {
                f[i] = p[i] >= threshold;
            }
            flagged.put(category, f);
        });
        return flagged;
    }

    private String crossValidation = "";
    private List<String> mistakes = List.of();

    /** The posts whose flagged categories differ from their labels: {@code id <TAB> labelled <TAB> flagged}. */
    private List<String> mistakes(Map<Category, boolean[]> flagged) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            List<String> got = new ArrayList<>();
            for (Category c : Category.values()) {
                if (flagged.get(c)[i]) {
                    got.add(c.id());
                }
            }
            List<String> want = Arrays.stream(Category.values()).filter(labels.get(i)::contains).map(Category::id).toList();
            if (!got.equals(want)) {
                out.add(ids.get(i) + "\t" + String.join(",", want) + "\t" + String.join(",", got));
            }
        }
        return out;
    }

    /** Quality on posts each fold's model did not see, with the chosen thresholds: an estimate for unseen writing. */
    private String report(Map<Category, boolean[]> flagged) {
        StringBuilder out = new StringBuilder();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Category c : Category.values()) {
            int[] n = new int[3];
            boolean[] f = flagged.get(c);
            for (int i = 0; i < f.length; i++) {
                boolean y = labels.get(i).contains(c);
                n[f[i] && y ? 0 : f[i] ? 1 : y ? 2 : 0] += f[i] || y ? 1 : 0;
            }
            out.append(String.format(Locale.ROOT, "  %-22s precision %.3f recall %.3f%n", c.id(),
                    n[0] + n[1] == 0 ? 1.0 : (double) n[0] / (n[0] + n[1]), n[0] + n[2] == 0 ? 1.0 : (double) n[0] / (n[0] + n[2])));
            tp += n[0];
            fp += n[1];
            fn += n[2];
        }
        int safe = 0;
        int alarms = 0;
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).isEmpty()) {
                safe++;
                int at = i;
                alarms += flagged.values().stream().anyMatch(f -> f[at]) ? 1 : 0;
            }
        }
        double p = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        double r = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        out.append(String.format(Locale.ROOT, "  overall: precision=%.3f recall=%.3f f1=%.3f false_alarms=%.3f",
                p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), safe == 0 ? 0 : (double) alarms / safe));
        return out.toString();
    }

    /** F1 over every category's labels of the posts, as {@link #report} gives it. */
    private double f1(Map<Category, boolean[]> flagged) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Category c : Category.values()) {
            boolean[] f = flagged.get(c);
            for (int i = 0; i < f.length; i++) {
                boolean y = labels.get(i).contains(c);
                tp += f[i] && y ? 1 : 0;
                fp += f[i] && !y ? 1 : 0;
                fn += !f[i] && y ? 1 : 0;
            }
        }
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    /**
     * How much each other category's likelihood (the probability of its judgement with votes)
     * adds to this category's log-odds: a logistic regression on the out-of-fold judgements of
     * the given posts, this category's own log-odds entering as they are (weight 1) and an
     * intercept the threshold absorbs. Weights under 0.05 are left out.
     */
    private Map<Category, Double> besideWeights(Category category, Map<Category, double[]> logOdds, boolean[] y, int[] indices) {
        double[] b = fitBeside(category, logOdds, y, indices);
        Map<Category, Double> weights = new EnumMap<>(Category.class);
        for (Category other : Category.values()) {
            if (other != category && Math.abs(b[other.ordinal()]) >= 0.05) {
                weights.put(other, b[other.ordinal()]);
            }
        }
        return weights;
    }

    /** Each post's probability for the category beside the others, from weights fitted on the other folds. */
    private double[] besideOutOfFold(Category category, Map<Category, double[]> logOdds, boolean[] y) {
        int n = posts.size();
        double[] out = new double[n];
        int foldCount = Arrays.stream(folds).max().orElse(0) + 1;
        for (int k = 0; k < foldCount; k++) {
            int held = k;
            int[] train = java.util.stream.IntStream.range(0, n).filter(i -> folds[i] != held).toArray();
            Map<Category, Double> weights = besideWeights(category, logOdds, y, train);
            for (int i = 0; i < n; i++) {
                if (folds[i] == held) {
                    double logit = logOdds.get(category)[i];
                    for (Map.Entry<Category, Double> w : weights.entrySet()) {
                        logit += w.getValue() * sigmoid(logOdds.get(w.getKey())[i]);
                    }
                    out[i] = silenced.get(i).contains(category) ? 0 : sigmoid(logit);
                }
            }
        }
        return out;
    }

    /** Newton's method on the L2-regularised log loss; weights by category ordinal, the intercept last. */
    private static double[] fitBeside(Category category, Map<Category, double[]> logOdds, boolean[] y, int[] indices) {
        int d = Category.values().length + 1;
        int intercept = d - 1;
        double[] b = new double[d];
        double[] x = new double[d];
        for (int iteration = 0; iteration < 30; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int i : indices) {
                double logit = logOdds.get(category)[i];
                for (Category other : Category.values()) {
                    x[other.ordinal()] = other == category ? 0 : sigmoid(logOdds.get(other)[i]);
                }
                x[intercept] = 1;
                for (int k = 0; k < d; k++) {
                    logit += b[k] * x[k];
                }
                double p = sigmoid(logit);
                double error = p - (y[i] ? 1 : 0);
                double curvature = Math.max(p * (1 - p), 1e-9);
                for (int k = 0; k < d; k++) {
                    gradient[k] += error * x[k];
                    for (int l = 0; l < d; l++) {
                        hessian[k][l] += curvature * x[k] * x[l];
                    }
                }
            }
            for (int k = 0; k < d; k++) {
                double shrink = k == intercept || k == category.ordinal() ? 1e-6 : BESIDE_L2;
                gradient[k] += shrink * b[k];
                hessian[k][k] += shrink;
            }
            double[] step = solve(hessian, gradient);
            double largest = 0;
            for (int k = 0; k < d; k++) {
                b[k] -= step[k];
                largest = Math.max(largest, Math.abs(step[k]));
            }
            if (largest < 1e-8) {
                break;
            }
        }
        return b;
    }

    /** Solves a x = v by Gaussian elimination with partial pivoting (a is small, symmetric and positive definite). */
    private static double[] solve(double[][] a, double[] v) {
        int n = v.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = Arrays.copyOf(a[i], n + 1);
            m[i][n] = v[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) {
                    m[r][c] -= f * m[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = m[r][n];
            for (int c = r + 1; c < n; c++) {
                sum -= m[r][c] * x[c];
            }
            x[r] = sum / m[r][r];
        }
        return x;
    }

    private static double sigmoid(double logit) {
        return 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, logit))));
    }

    private int[] allIndices() {
        int[] all = new int[posts.size()];
        Arrays.setAll(all, i -> i);
        return all;
    }

    /** Each post's probability from the model trained on the other folds. */
    private double[] outOfFold(boolean[] y) {
        int n = posts.size();
        int foldCount = Arrays.stream(folds).max().orElse(0) + 1;
        double[] outOfFold = new double[n];
        for (int k = 0; k < foldCount; k++) {
            int held = k;
            int[] train = java.util.stream.IntStream.range(0, n).filter(i -> folds[i] != held).toArray();
            double[] w = fit(train, y);
            for (int i = 0; i < n; i++) {
                if (folds[i] == held) {
                    outOfFold[i] = probability(w, posts.get(i), meanings[i]);
                }
            }
        }
        return outOfFold;
    }

    /**
     * Stochastic gradient descent on the log loss with L2 shrinkage of the weights each post uses.
     * Weights: one per cue, then the bias, then one per number of the meaning.
     */
    private double[] fit(int[] indices, boolean[] y) {
        int dims = cueIds.size();
        int meaningDims = meanings.length == 0 ? 0 : meanings[0].length;
        double[] w = new double[dims + 1 + meaningDims];
        int[] order = indices.clone();
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            shuffle(order, new Random(SEED + epoch));
            for (int i : order) {
                int[] x = posts.get(i);
                float[] m = meanings[i];
                double gradient = probability(w, x, m) - (y[i] ? 1 : 0);
                w[dims] -= LEARNING_RATE * gradient;
                for (int f : x) {
                    w[f] -= LEARNING_RATE * (gradient + L2 * w[f]);
                }
                for (int k = 0, at = dims + 1; k < m.length; k++, at++) {
                    w[at] -= LEARNING_RATE * (gradient * m[k] + MEANING_L2 * w[at]);
                }
            }
        }
        return w;
    }

    private double probability(double[] w, int[] x, float[] meaning) {
        int bias = cueIds.size();
        double logit = w[bias];
        for (int f : x) {
            logit += w[f];
        }
        for (int k = 0, at = bias + 1; k < meaning.length; k++, at++) {
            logit += w[at] * meaning[k];
        }
        logit = Math.max(-30, Math.min(30, logit));
        return 1 / (1 + Math.exp(-logit));
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static java.security.MessageDigest sha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The compiled checker (detectors, scorers, cues, this trainer): a change to any of it retrains. */
    private static void digestCode(java.security.MessageDigest digest) throws IOException {
        java.net.URL here = ModelTrainer.class.getResource("ModelTrainer.class");
        if (here == null || !"file".equals(here.getProtocol())) {
            digest.update(String.valueOf(System.nanoTime()).getBytes(StandardCharsets.UTF_8)); // not a build folder: always train
            return;
        }
        Path root;
        try {
            root = Path.of(here.toURI()).getParent().getParent(); // .../org/postguard
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        try (var classes = Files.walk(root)) {
            for (Path file : classes.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                digest.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
        }
    }

    /**
     * Trains on the given corpus files with the bundled data and writes the two model files into
     * the folder ({@link CategoryModel#RESOURCE}: cues and meaning; {@link CategoryModel#WITHOUT_MEANING_RESOURCE}:
     * cues alone), unless the files there were trained from the same data, corpus and code.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ModelTrainer OUT_FOLDER CORPUS.jsonl [CORPUS.jsonl...] [--votes VOTES.tsv] [--mistakes MISTAKES.tsv]");
            System.exit(2);
        }
        List<Corpus.Post> corpus = new ArrayList<>();
        List<String> files = new ArrayList<>();
        java.security.MessageDigest digest = sha256();
        DataFiles data = DataFiles.bundled();
        data.entries();
        digest.update(data.fingerprint().getBytes(StandardCharsets.UTF_8));
        Path votesFile = null;
        Path mistakesFile = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--mistakes") && i + 1 < args.length) {
                mistakesFile = Path.of(args[++i]);
                continue;
            }
            if (args[i].equals("--votes") && i + 1 < args.length) {
                votesFile = Path.of(args[++i]);
                digest.update(Files.readAllBytes(votesFile));
                continue;
            }
            Path file = Path.of(args[i]);
            corpus.addAll(Corpus.read(file));
            files.add(file.getFileName().toString());
            digest.update(Files.readAllBytes(file));
        }
        digestCode(digest);
        String fingerprint = "fingerprint " + java.util.HexFormat.of().formatHex(digest.digest());
        Path folder = Path.of(args[0]);
        Checker rules = Checker.withRulesOnly(data);
        for (boolean withMeaning : new boolean[] {false, true}) {
            String resource = withMeaning ? CategoryModel.RESOURCE : CategoryModel.WITHOUT_MEANING_RESOURCE;
            Path out = folder.resolve(resource.substring(resource.lastIndexOf('/') + 1));
            String name = withMeaning ? "category model (cues and meaning)" : "category model (cues alone)";
            if (mistakesFile == null && Files.isRegularFile(out) && Files.readString(out, StandardCharsets.UTF_8).lines().limit(5)
                    .anyMatch(line -> line.equals("# " + fingerprint))) {
                System.out.println(name + ": up to date (same data, corpus and code)");
                continue;
            }
            long started = System.nanoTime();
            Meaning meaning = withMeaning ? Meaning.shared().orElseThrow(
                    () -> new IllegalStateException("the sentence model cannot run on this machine: cannot train with meaning")) : null;
            Map<String, float[]> votes = withMeaning && votesFile != null ? readVotes(votesFile, corpus) : Map.of();
            Trained trained = train(rules, corpus, meaning, votes);
            CategoryModel model = trained.model();
            Files.createDirectories(out.toAbsolutePath().getParent());
            String header = "PostGuard's " + name + ", written by the build (ModelTrainer): do not edit.\n"
                    + "Learned from " + corpus.size() + " labelled posts in " + String.join(", ", files) + ".\n"
                    + "category <TAB> cue <TAB> weight in log-odds; (threshold) is the probability that flags the category"
                    + (withMeaning ? "; (meaning) weighs the " + Meaning.DIMENSIONS + " numbers of the post's meaning" : "")
                    + (votes.isEmpty() ? ".\n" : "; (threshold with votes) applies to the mean of this model's log-odds and the fine-tuned vote's"
                            + " (out-of-fold votes from " + votesFile.getFileName() + ").\n")
                    + fingerprint;
            Files.writeString(out, model.format(header), StandardCharsets.UTF_8);
            if (mistakesFile != null && withMeaning) {
                Files.write(mistakesFile, trained.outOfFoldMistakes(), StandardCharsets.UTF_8);
            }
            System.out.printf(Locale.ROOT, "%s: %d weights from %d posts in %d ms; cross-validated:%n%s%n", name, model.size(),
                    corpus.size(), (System.nanoTime() - started) / 1_000_000, trained.crossValidation());
        }
    }
}
