package org.postguard.finetune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.norm.LayerNorm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The MiniLM-L6 sentence model (6 layers of 384, 12 heads) written out as tensor operations over
 * its named weights, with a linear head of one log-odds per category on its mean-pooled,
 * meaning (a unit vector, scaled by 12). With the weights as
 * loaded it reproduces the ONNX model's meaning (same numbers to six places), so training it is
 * fine-tuning the model PostGuard could ship. The word embeddings stay as they are.
 */
final class MiniLm {
    static final int WIDTH = 384;
    private static final int HEADS = 12;
    private static final int LAYERS = 6;
    private static final float MEANING_SCALE = 12;

    private final NDManager manager;
    private final Map<String, NDArray> weights = new LinkedHashMap<>();

    MiniLm(NDManager manager, Map<String, OnnxWeights.Tensor> pretrained, int categories, long seed) {
        this.manager = manager;
        pretrained.forEach((name, t) -> weights.put(name, manager.create(t.values(), new Shape(t.dims()))));
        if (weights.containsKey("head.weightT")) { // weights read back from an export (CheckExport)
            return;
        }
        Random random = new Random(seed);
        float[] head = new float[WIDTH * categories];
        for (int i = 0; i < head.length; i++) {
            head[i] = (float) (random.nextGaussian() * 0.02);
        }
        weights.put("head.weightT", manager.create(head, new Shape(WIDTH, categories)));
        weights.put("head.bias", manager.zeros(new Shape(categories)));
    }

    /** The weights fine-tuning changes: all but the word embeddings. */
    Map<String, NDArray> trainable() {
        Map<String, NDArray> t = new LinkedHashMap<>(weights);
        t.remove("embeddings.word_embeddings.weight");
        return t;
    }

    /**
     * Writes what fine-tuning changed, for the server to patch into its copy of the ONNX model
     * (backend {@code Votes}): every trainable weight under its ONNX name, and the head, as 16-bit
     * floats. Big-endian: "postguard-votes/1", the categories, then each tensor's name, shape and values.
     */
    void export(Map<String, OnnxWeights.Tensor> pretrained, List<String> categories, java.io.DataOutputStream out) throws java.io.IOException {
        Map<String, NDArray> kept = trainable();
        out.writeUTF("postguard-votes/1");
        out.writeInt(categories.size());
        for (String c : categories) {
            out.writeUTF(c);
        }
        out.writeInt(kept.size());
        for (Map.Entry<String, NDArray> w : kept.entrySet()) {
            OnnxWeights.Tensor original = pretrained.get(w.getKey());
            out.writeUTF(original == null ? w.getKey() : original.onnxName());
            long[] dims = w.getValue().getShape().getShape();
            out.writeByte(dims.length);
            for (long d : dims) {
                out.writeInt((int) d);
            }
            for (float v : w.getValue().toFloatArray()) {
                out.writeShort(Float.floatToFloat16(v));
            }
        }
    }

    void close() {
        weights.values().forEach(NDArray::close);
    }

    /** One log-odds per category for each post of the batch (ids and mask are [posts, tokens]). */
    NDArray logOdds(NDArray ids, NDArray mask, boolean training) {
        NDArray meaning = meaning(ids, mask, training);
        return linear(meaning, "head");
    }

    /** The mean of the last layer over the post's tokens, scaled to length {@link #MEANING_SCALE}. */
    NDArray meaning(NDArray ids, NDArray mask, boolean training) {
        long posts = ids.getShape().get(0);
        long tokens = ids.getShape().get(1);
        NDArray x = Embedding.embedding(ids, weights.get("embeddings.word_embeddings.weight"), SparseFormat.DENSE).singletonOrThrow();
        x = x.add(weights.get("embeddings.position_embeddings.weight").get("0:" + tokens))
                .add(weights.get("embeddings.token_type_embeddings.weight").get(0));
        x = norm(x, "embeddings.LayerNorm");
        NDArray padding = mask.sub(1).mul(10_000f).reshape(posts, 1, 1, tokens);
        for (int layer = 0; layer < LAYERS; layer++) {
            String at = "encoder.layer." + layer;
            NDArray q = heads(linear(x, at + ".attention.self.query"), posts, tokens);
            NDArray k = heads(linear(x, at + ".attention.self.key"), posts, tokens);
            NDArray v = heads(linear(x, at + ".attention.self.value"), posts, tokens);
            NDArray attention = q.matMul(k.transpose(0, 1, 3, 2)).div((float) Math.sqrt(WIDTH / HEADS)).add(padding).softmax(-1);
            NDArray context = dropout(attention, training).matMul(v).transpose(0, 2, 1, 3).reshape(posts, tokens, WIDTH);
            x = norm(dropout(linear(context, at + ".attention.output.dense"), training).add(x), at + ".attention.output.LayerNorm");
            NDArray inner = Activation.gelu(linear(x, at + ".intermediate.dense"));
            x = norm(dropout(linear(inner, at + ".output.dense"), training).add(x), at + ".output.LayerNorm");
        }
        NDArray m = mask.expandDims(2);
        NDArray pooled = x.mul(m).sum(new int[] {1}).div(m.sum(new int[] {1}));
        return pooled.div(pooled.norm(new int[] {1}, true).add(1e-9f)).mul(MEANING_SCALE);
    }

    private NDArray linear(NDArray x, String name) {
        return x.matMul(weights.get(name + ".weightT")).add(weights.get(name + ".bias"));
    }

    private NDArray norm(NDArray x, String name) {
        NDList out = LayerNorm.layerNorm(x, new Shape(WIDTH), weights.get(name + ".weight"), weights.get(name + ".bias"), 1e-12f);
        return out.singletonOrThrow();
    }

    private static NDArray heads(NDArray x, long posts, long tokens) {
        return x.reshape(posts, tokens, HEADS, WIDTH / HEADS).transpose(0, 2, 1, 3);
    }

    private static NDArray dropout(NDArray x, boolean training) {
        return training ? x.getNDArrayInternal().dropout(x, 0.1f, true).singletonOrThrow() : x;
    }

    /** Token ids and mask for a batch, padded to its longest post. */
    static NDArray[] batch(NDManager manager, List<long[]> posts) {
        int tokens = posts.stream().mapToInt(p -> p.length).max().orElse(1);
        long[] ids = new long[posts.size() * tokens];
        float[] mask = new float[posts.size() * tokens];
        for (int i = 0; i < posts.size(); i++) {
            long[] p = posts.get(i);
            System.arraycopy(p, 0, ids, i * tokens, p.length);
            java.util.Arrays.fill(mask, i * tokens, i * tokens + p.length, 1f);
        }
        return new NDArray[] {manager.create(ids, new Shape(posts.size(), tokens)), manager.create(mask, new Shape(posts.size(), tokens))};
    }
}
