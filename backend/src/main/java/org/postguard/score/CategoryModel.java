package org.postguard.score;

import org.postguard.check.Category;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How much each cue counts towards each category: one logistic regression per category, learned
 * from the tuning corpus by {@link org.postguard.eval.ModelTrainer} at build time. A post belongs
 * to a category when the probability reaches that category's threshold, which the trainer chose
 * by cross-validation.
 *
 * <pre>{@code
 * CategoryModel model = CategoryModel.bundled().orElseThrow();
 * CategoryModel.Judgement j = model.judge(Category.CONFIDENTIALITY, cues);
 * j.flags();          // true
 * j.probability();    // 0.93
 * j.contributions();  // [signal:age +1.4, rule:confidentiality-combination +1.2, word:bay +0.8, ...]
 * }</pre>
 *
 * The file is plain text, one weight a line: {@code category <TAB> cue <TAB> weight}, plus
 * {@code (bias)} and {@code (threshold)} lines per category (and {@code (threshold with votes)}
 * where the build chose one for judging beside the fine-tuned {@link Votes}). With votes, a
 * category's score may also lean on how likely the others are: a line
 * {@code confidentiality <TAB> (beside patient-images) <TAB> 1.2} adds up to 1.2 in log-odds
 * as the patient-images judgement nears certainty (a post that shares a patient's image usually
 * tells something about the patient too). Those lines, too, are learned by the trainer, which
 * leaves them all out when they do not judge the writers it held out better.
 */
public final class CategoryModel {
    /** Where the build writes the trained model on the classpath: cues and the post's {@link Meaning}. */
    public static final String RESOURCE = "/postguard/model/category-model.tsv";
    /** The model learned from the cues alone, for where the sentence model cannot run. */
    public static final String WITHOUT_MEANING_RESOURCE = "/postguard/model/category-model-without-meaning.tsv";
    static final String BIAS = "(bias)";
    static final String THRESHOLD = "(threshold)";
    /** The threshold when the judgement also weighs the fine-tuned model's {@link Votes}. */
    static final String THRESHOLD_WITH_VOTES = "(threshold with votes)";
    /** One line per category: the weight of each of the {@link Meaning#DIMENSIONS} numbers, separated by spaces. */
    static final String MEANING = "(meaning)";
    /** The name the meaning's share of the score goes by in explanations. */
    public static final String MEANING_CUE = "meaning";
    /** The name the fine-tuned model's vote goes by in explanations. */
    public static final String VOTE_CUE = "fine-tuned vote";
    /** Before a category's id: the line, and the cue in explanations, of how much that category's likelihood counts. */
    public static final String BESIDE = "beside ";

    private final Map<Category, Weights> weights;

    /**
     * One category's weights. {@code thresholdWithVotes} is NaN unless the build also chose a
     * threshold for judging with the fine-tuned model's {@link Votes}; {@code beside} (used only
     * then) weighs the probability of each other category's judgement with votes.
     */
    public record Weights(double bias, double threshold, Map<String, Double> cues, float[] meaning, double thresholdWithVotes,
                          Map<Category, Double> beside) {
        public Weights {
            cues = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(cues));
            beside = beside.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(beside));
            meaning = meaning == null ? new float[0] : meaning.clone();
            if (meaning.length != 0 && meaning.length != Meaning.DIMENSIONS) {
                throw new IllegalArgumentException("meaning needs " + Meaning.DIMENSIONS + " weights, not " + meaning.length);
            }
        }

        /** Weights of cues and meaning, judged with votes apart from the other categories. */
        public Weights(double bias, double threshold, Map<String, Double> cues, float[] meaning, double thresholdWithVotes) {
            this(bias, threshold, cues, meaning, thresholdWithVotes, Map.of());
        }

        /** Weights of cues and meaning, judged without votes. */
        public Weights(double bias, double threshold, Map<String, Double> cues, float[] meaning) {
            this(bias, threshold, cues, meaning, Double.NaN);
        }

        /** Weights of cues alone. */
        public Weights(double bias, double threshold, Map<String, Double> cues) {
            this(bias, threshold, cues, null);
        }

        boolean weighsVotes() {
            return !Double.isNaN(thresholdWithVotes);
        }
    }

    /** How one cue moved the score: its weight (in log-odds) and where it stands in the post. */
    public record Contribution(Cue cue, double weight) {
        /** False for the post as a whole (its meaning, the vote, another category): no words of its own to underline. */
        public boolean pointsAtWords() {
            String name = cue.name();
            return !name.equals(MEANING_CUE) && !name.equals(VOTE_CUE) && !name.startsWith(BESIDE);
        }
    }

    /** The model's view of one category for one post. */
    public record Judgement(Category category, double probability, double threshold, List<Contribution> contributions) {
        public boolean flags() {
            return probability >= threshold;
        }

        /** "p=0.93 (threshold 0.31): +1.40 signal:age, +1.21 rule:confidentiality-combination, -0.52 word:teach". */
        public String basis(int cuesShown) {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "p=%.2f (threshold %.2f)", probability, threshold));
            String separator = ": ";
            for (Contribution c : contributions.subList(0, Math.min(cuesShown, contributions.size()))) {
                out.append(separator).append(String.format(Locale.ROOT, "%+.2f %s", c.weight(), c.cue().name()));
                separator = ", ";
            }
            return out.toString();
        }
    }

    public CategoryModel(Map<Category, Weights> weights) {
        this.weights = new EnumMap<>(weights);
    }

    /** The model the build trained (cues and meaning), if this PostGuard was built with one. */
    public static Optional<CategoryModel> bundled() {
        return read(RESOURCE);
    }

    /** The model the build trained from the cues alone. */
    public static Optional<CategoryModel> bundledWithoutMeaning() {
        return read(WITHOUT_MEANING_RESOURCE);
    }

    /** The bundled model that goes with this sentence model: the one weighing meaning when there is one, else the cues-alone one. */
    public static Optional<CategoryModel> bundledFor(Optional<Meaning> meaning) {
        return meaning.isPresent() ? bundled() : bundledWithoutMeaning();
    }

    private static Optional<CategoryModel> read(String resource) {
        try (InputStream in = CategoryModel.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Whether this model weighs the post's {@link Meaning} (and so needs it to judge). */
    public boolean usesMeaning() {
        return weights.values().stream().anyMatch(w -> w.meaning().length > 0);
    }

    /** Judges the cues alone (a model that {@link #usesMeaning} then misses the meaning's share). */
    public Judgement judge(Category category, List<Cue> cues) {
        return judge(category, cues, null);
    }

    /** Whether this model has thresholds for judging with the fine-tuned model's {@link Votes}. */
    public boolean weighsVotes() {
        return !weights.isEmpty() && weights.values().stream().allMatch(Weights::weighsVotes);
    }

    /** Judges the cues and, when given, the post's meaning (its share shows as the cue {@value #MEANING_CUE}). */
    public Judgement judge(Category category, List<Cue> cues, float[] meaning) {
        return judge(category, cues, meaning, null);
    }

    /**
     * Judges as {@link #judge(Category, List, float[])} and, when given the fine-tuned model's
     * votes (log-odds, in {@link Category} order) and the model {@link #weighsVotes}, by the mean
     * of its own log-odds and the vote's, against the threshold chosen for that mean. Every
     * contribution then counts half, the vote's (the cue {@value #VOTE_CUE}) included; the
     * other categories' likelihoods count as {@link #judgeAll} says.
     */
    public Judgement judge(Category category, List<Cue> cues, float[] meaning, float[] votes) {
        if (votes != null && weighsVotes() && !weights.getOrDefault(category, NONE).beside().isEmpty()) {
            return judgeAll(cues, meaning, votes).get(category);
        }
        return alone(category, cues, meaning, votes);
    }

    /**
     * Judges every category the model covers. With votes, each category's log-odds then gain its
     * {@code (beside ...)} weights times the probability of each other category's judgement
     * (before this step), shown as the cue "beside patient-images"; the threshold with votes
     * applies to that sum.
     */
    public Map<Category, Judgement> judgeAll(List<Cue> cues, float[] meaning, float[] votes) {
        Map<Category, Judgement> alone = new EnumMap<>(Category.class);
        for (Category category : weights.keySet()) {
            alone.put(category, alone(category, cues, meaning, votes));
        }
        if (votes == null || !weighsVotes()) {
            return alone;
        }
        Map<Category, Judgement> judged = new EnumMap<>(Category.class);
        alone.forEach((category, j) -> {
            Map<Category, Double> beside = weights.get(category).beside();
            if (beside.isEmpty()) {
                judged.put(category, j);
                return;
            }
            double logit = Math.log(j.probability() / (1 - j.probability()));
            List<Contribution> contributions = new ArrayList<>(j.contributions());
            for (Map.Entry<Category, Double> b : beside.entrySet()) {
                Judgement other = alone.get(b.getKey());
                if (other != null) {
                    double share = b.getValue() * other.probability();
                    logit += share;
                    contributions.add(new Contribution(new Cue(BESIDE + b.getKey().id(), 0, 0), share));
                }
            }
            contributions.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.weight())));
            judged.put(category, new Judgement(category, sigmoid(logit), j.threshold(), List.copyOf(contributions)));
        });
        return judged;
    }

    private static final Weights NONE = new Weights(0, 1, Map.of());

    private static double sigmoid(double logit) {
        double clamped = Math.max(-30, Math.min(30, logit));
        return 1 / (1 + Math.exp(-clamped));
    }

    /** One category's judgement from its own weights (and its own vote), before the other categories count. */
    private Judgement alone(Category category, List<Cue> cues, float[] meaning, float[] votes) {
        Weights w = weights.get(category);
        if (w == null) {
            return new Judgement(category, 0, 1, List.of());
        }
        double logit = w.bias();
        List<Contribution> contributions = new ArrayList<>();
        for (Cue cue : cues) {
            Double weight = w.cues().get(cue.name());
            if (weight != null) {
                logit += weight;
                contributions.add(new Contribution(cue, weight));
            }
        }
        if (meaning != null && w.meaning().length == meaning.length && meaning.length > 0) {
            double share = 0;
            for (int i = 0; i < meaning.length; i++) {
                share += w.meaning()[i] * meaning[i];
            }
            logit += share;
            contributions.add(new Contribution(new Cue(MEANING_CUE, 0, 0), share));
        }
        double threshold = w.threshold();
        if (votes != null && w.weighsVotes()) {
            double vote = votes[category.ordinal()];
            logit = (logit + vote) / 2;
            contributions.replaceAll(c -> new Contribution(c.cue(), c.weight() / 2));
            contributions.add(new Contribution(new Cue(VOTE_CUE, 0, 0), vote / 2));
            threshold = w.thresholdWithVotes();
        }
        contributions.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.weight())));
        return new Judgement(category, sigmoid(logit), threshold, List.copyOf(contributions));
    }

    public boolean covers(Category category) {
        return weights.containsKey(category);
    }

    /** How many cues carry a weight, over all categories. */
    public int size() {
        return weights.values().stream().mapToInt(w -> w.cues().size()).sum();
    }

    /** Reads the model file; runs on every start, so it walks the text by hand rather than by regular expression. */
    public static CategoryModel parse(String tsv) {
        Map<Category, double[]> heads = new EnumMap<>(Category.class);
        Map<Category, Map<String, Double>> cues = new EnumMap<>(Category.class);
        Map<Category, float[]> meanings = new EnumMap<>(Category.class);
        Map<Category, Map<Category, Double>> besides = new EnumMap<>(Category.class);
        int number = 0;
        int lineStart = 0;
        while (lineStart < tsv.length()) {
            int lineEnd = tsv.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = tsv.length();
            }
            number++;
            int first = tsv.indexOf('\t', lineStart);
            int second = first < 0 || first > lineEnd ? -1 : tsv.indexOf('\t', first + 1);
            boolean comment = lineStart == lineEnd || tsv.charAt(lineStart) == '#' || tsv.substring(lineStart, lineEnd).isBlank();
            if (!comment) {
                if (second < 0 || second > lineEnd || tsv.indexOf('\t', second + 1) >= 0 && tsv.indexOf('\t', second + 1) < lineEnd) {
                    throw new IllegalArgumentException("line " + number + ": expected category, cue and weight separated by tabs");
                }
                String id = tsv.substring(lineStart, first);
                int at = number;
                Category category = Category.fromId(id)
                        .orElseThrow(() -> new IllegalArgumentException("line " + at + ": unknown category " + id));
                String cue = tsv.substring(first + 1, second);
                double[] head = heads.computeIfAbsent(category, c -> new double[] {0, 0.5, Double.NaN});
                if (cue.equals(MEANING)) {
                    String[] numbers = tsv.substring(second + 1, lineEnd).strip().split(" ");
                    if (numbers.length != Meaning.DIMENSIONS) {
                        throw new IllegalArgumentException("line " + number + ": (meaning) needs " + Meaning.DIMENSIONS + " weights");
                    }
                    float[] m = new float[numbers.length];
                    for (int i = 0; i < m.length; i++) {
                        m[i] = Float.parseFloat(numbers[i]);
                    }
                    meanings.put(category, m);
                    lineStart = lineEnd + 1;
                    continue;
                }
                double value = Double.parseDouble(tsv.substring(second + 1, lineEnd).strip());
                switch (cue) {
                    case BIAS -> head[0] = value;
                    case THRESHOLD -> head[1] = value;
                    case THRESHOLD_WITH_VOTES -> head[2] = value;
                    default -> {
                        if (cue.startsWith("(" + BESIDE) && cue.endsWith(")")) {
                            String other = cue.substring(BESIDE.length() + 1, cue.length() - 1);
                            Category beside = Category.fromId(other).filter(c -> c != category)
                                    .orElseThrow(() -> new IllegalArgumentException("line " + at + ": cannot weigh " + id + " beside " + other));
                            besides.computeIfAbsent(category, c -> new EnumMap<>(Category.class)).put(beside, value);
                        } else {
                            cues.computeIfAbsent(category, c -> new java.util.HashMap<>(1 << 16)).put(cue, value);
                        }
                    }
                }
            }
            lineStart = lineEnd + 1;
        }
        Map<Category, Weights> weights = new EnumMap<>(Category.class);
        heads.forEach((category, head) -> weights.put(category,
                new Weights(head[0], head[1], cues.getOrDefault(category, Map.of()), meanings.get(category), head[2],
                        besides.getOrDefault(category, Map.of()))));
        return new CategoryModel(weights);
    }

    /** The model as {@link #parse} reads it, sorted so that retraining gives a readable diff. */
    public String format(String header) {
        StringBuilder out = new StringBuilder();
        for (String line : header.split("\n")) {
            out.append("# ").append(line).append('\n');
        }
        weights.forEach((category, w) -> {
            out.append(category.id()).append('\t').append(BIAS).append('\t').append(number(w.bias())).append('\n');
            out.append(category.id()).append('\t').append(THRESHOLD).append('\t').append(number(w.threshold())).append('\n');
            if (w.weighsVotes()) {
                out.append(category.id()).append('\t').append(THRESHOLD_WITH_VOTES).append('\t').append(number(w.thresholdWithVotes())).append('\n');
            }
            w.beside().forEach((other, weight) -> out.append(category.id()).append("\t(").append(BESIDE).append(other.id()).append(")\t")
                    .append(number(weight)).append('\n'));
            if (w.meaning().length > 0) {
                out.append(category.id()).append('\t').append(MEANING).append('\t');
                for (int i = 0; i < w.meaning().length; i++) {
                    out.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.5f", w.meaning()[i]));
                }
                out.append('\n');
            }
            new TreeMap<>(w.cues()).forEach((cue, weight) ->
                    out.append(category.id()).append('\t').append(cue).append('\t').append(number(weight)).append('\n'));
        });
        return out.toString();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
