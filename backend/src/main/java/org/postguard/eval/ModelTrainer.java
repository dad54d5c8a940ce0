package org.postguard.eval;

import org.postguard.check.Category;
import org.postguard.check.CheckRequest;
import org.postguard.check.Checker;
import org.postguard.lexicon.DataFiles;
import org.postguard.score.CategoryModel;
import org.postguard.score.Cue;
import org.postguard.score.Cues;

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
 * much each cue counts. Each category's threshold is the one that gives the best F1 on posts the
 * model did not see, by five-fold cross-validation. Training is deterministic: the same corpus and
 * data give the same model.
 *
 * <pre>
 * java -cp postguard-backend.jar org.postguard.eval.ModelTrainer OUT.tsv tune.jsonl [more.jsonl...]
 * </pre>
 * The build runs it on the tuning corpus only; the held-out test corpus never reaches it.
 */
public final class ModelTrainer {
    /** A cue must appear in this many training posts to get a weight: rarer ones would be memorised. */
    static final int MIN_POSTS_PER_CUE = 2;
    static final int EPOCHS = 40;
    static final double LEARNING_RATE = 0.1;
    static final double L2 = 0.003;
    static final int FOLDS = 5;
    static final long SEED = 20261201L;
    /** The share of safe posts one category may flag in cross-validation. */
    static final double MAX_SAFE_FLAGGED = 0.005;

    private final Map<String, Integer> cueIds = new LinkedHashMap<>();
    private final List<int[]> posts = new ArrayList<>();
    private final List<java.util.Set<Category>> labels = new ArrayList<>();

    private ModelTrainer(Checker rules, List<Corpus.Post> corpus) {
        Map<String, Integer> postsPerCue = new HashMap<>();
        List<List<String>> named = new ArrayList<>();
        for (Corpus.Post post : corpus) {
            Checker.Analysis analysis = rules.analyse(CheckRequest.of(post.text()));
            List<String> names = Cues.of(analysis.post(), analysis.signals(), analysis.warnings()).stream().map(Cue::name).toList();
            names.forEach(n -> postsPerCue.merge(n, 1, Integer::sum));
            named.add(names);
            labels.add(post.categories());
        }
        postsPerCue.entrySet().stream().filter(e -> e.getValue() >= MIN_POSTS_PER_CUE).map(Map.Entry::getKey).sorted()
                .forEach(name -> cueIds.put(name, cueIds.size()));
        for (List<String> names : named) {
            posts.add(names.stream().filter(cueIds::containsKey).mapToInt(cueIds::get).sorted().toArray());
        }
    }

    /** Trains on the corpus with the rules of this checker (which must not itself use a model). */
    public static CategoryModel train(Checker rules, List<Corpus.Post> corpus) {
        return new ModelTrainer(rules, corpus).train();
    }

    private CategoryModel train() {
        String[] names = cueIds.keySet().toArray(String[]::new);
        Map<Category, CategoryModel.Weights> weights = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            boolean[] y = new boolean[posts.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = labels.get(i).contains(category);
            }
            double threshold = crossValidatedThreshold(y);
            double[] w = fit(allIndices(), y);
            Map<String, Double> cues = new HashMap<>();
            for (int f = 0; f < names.length; f++) {
                if (Math.abs(w[f]) >= 0.005) {
                    cues.put(names[f], w[f]);
                }
            }
            weights.put(category, new CategoryModel.Weights(w[names.length], threshold, cues));
        }
        return new CategoryModel(weights);
    }

    private int[] allIndices() {
        int[] all = new int[posts.size()];
        Arrays.setAll(all, i -> i);
        return all;
    }

    /**
     * The threshold with the best F1 over out-of-fold probabilities among those that flag at most
     * {@link #MAX_SAFE_FLAGGED} of the safe posts (posts with no label at all), so that the seven
     * categories together stay within a few per cent of false alarms.
     */
    private double crossValidatedThreshold(boolean[] y) {
        int n = posts.size();
        int[] fold = new int[n];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new Random(SEED));
        for (int i = 0; i < n; i++) {
            fold[order.get(i)] = i % FOLDS;
        }
        double[] outOfFold = new double[n];
        for (int k = 0; k < FOLDS; k++) {
            int held = k;
            int[] train = java.util.stream.IntStream.range(0, n).filter(i -> fold[i] != held).toArray();
            double[] w = fit(train, y);
            for (int i = 0; i < n; i++) {
                if (fold[i] == held) {
                    outOfFold[i] = probability(w, posts.get(i));
                }
            }
        }
        double best = 0.5;
        double bestF1 = -1;
        for (int step = 10; step <= 90; step++) {
            double t = step / 100.0;
            int tp = 0;
            int fp = 0;
            int fn = 0;
            int safe = 0;
            int safeFlagged = 0;
            for (int i = 0; i < n; i++) {
                boolean flagged = outOfFold[i] >= t;
                tp += flagged && y[i] ? 1 : 0;
                fp += flagged && !y[i] ? 1 : 0;
                fn += !flagged && y[i] ? 1 : 0;
                if (labels.get(i).isEmpty()) {
                    safe++;
                    safeFlagged += flagged ? 1 : 0;
                }
            }
            double f1 = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
            if (safeFlagged <= MAX_SAFE_FLAGGED * safe && f1 > bestF1 + 1e-9) {
                bestF1 = f1;
                best = t;
            }
        }
        return best;
    }

    /** Stochastic gradient descent on the log loss with L2 shrinkage of the weights each post uses; the last weight is the bias. */
    private double[] fit(int[] indices, boolean[] y) {
        int dims = cueIds.size();
        double[] w = new double[dims + 1];
        int[] order = indices.clone();
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            shuffle(order, new Random(SEED + epoch));
            for (int i : order) {
                int[] x = posts.get(i);
                double gradient = probability(w, x) - (y[i] ? 1 : 0);
                w[dims] -= LEARNING_RATE * gradient;
                for (int f : x) {
                    w[f] -= LEARNING_RATE * (gradient + L2 * w[f]);
                }
            }
        }
        return w;
    }

    private static double probability(double[] w, int[] x) {
        double logit = w[w.length - 1];
        for (int f : x) {
            logit += w[f];
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

    /** Trains on the given corpus files with the bundled data and writes the model file. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ModelTrainer OUT.tsv CORPUS.jsonl [CORPUS.jsonl...]");
            System.exit(2);
        }
        long started = System.nanoTime();
        List<Corpus.Post> corpus = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            Path file = Path.of(args[i]);
            corpus.addAll(Corpus.read(file));
            files.add(file.getFileName().toString());
        }
        CategoryModel model = train(Checker.withRulesOnly(DataFiles.bundled()), corpus);
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        String header = "PostGuard's category model, written by the build (ModelTrainer): do not edit.\n"
                + "Learned from " + corpus.size() + " labelled posts in " + String.join(", ", files) + ".\n"
                + "category <TAB> cue <TAB> weight in log-odds; (threshold) is the probability that flags the category.";
        Files.writeString(out, model.format(header), StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "category model: %d weights from %d posts in %d ms%n", model.size(), corpus.size(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
