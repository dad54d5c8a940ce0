package org.postguard.finetune;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.io.DataInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads weights {@link MiniLm#export} wrote back into the DJL model and prints its log-odds for
 * each text given, so that the server's votes (ONNX Runtime on the patched model, backend
 * {@code Votes}) can be compared with the model that was trained, number for number.
 *
 * <pre>
 * java -cp ... org.postguard.finetune.CheckExport fine-tuned-votes.bin "a post" "another post"
 * </pre>
 */
public final class CheckExport {
    public static void main(String[] args) throws Exception {
        Map<String, OnnxWeights.Tensor> pretrained;
        try (InputStream in = CheckExport.class.getClassLoader().getResourceAsStream("all-minilm-l6-v2.onnx")) {
            pretrained = OnnxWeights.read(in);
        }
        Map<String, String> friendly = new HashMap<>();
        pretrained.forEach((name, t) -> friendly.put(t.onnxName(), name));
        Map<String, OnnxWeights.Tensor> tuned = new LinkedHashMap<>(pretrained);
        int categories;
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(Path.of(args[0]))))) {
            in.readUTF();
            categories = in.readInt();
            for (int c = 0; c < categories; c++) {
                in.readUTF();
            }
            int tensors = in.readInt();
            for (int t = 0; t < tensors; t++) {
                String name = in.readUTF();
                long[] dims = new long[in.readUnsignedByte()];
                long count = 1;
                for (int d = 0; d < dims.length; d++) {
                    dims[d] = in.readInt();
                    count *= dims[d];
                }
                float[] values = new float[(int) count];
                for (int i = 0; i < values.length; i++) {
                    values[i] = Float.float16ToFloat(in.readShort());
                }
                String key = friendly.getOrDefault(name, name);
                tuned.put(key, new OnnxWeights.Tensor(name, dims, values));
            }
        }
        HuggingFaceTokenizer tokenizer;
        try (InputStream in = CheckExport.class.getClassLoader().getResourceAsStream("all-minilm-l6-v2-tokenizer.json")) {
            tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("maxLength", "128", "truncation", "true", "padding", "false"));
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            MiniLm model = new MiniLm(manager, tuned, categories, 11);
            for (int i = 1; i < args.length; i++) {
                NDArray[] in = MiniLm.batch(manager, List.of(tokenizer.encode(args[i]).getIds()));
                StringBuilder line = new StringBuilder();
                for (float z : model.logOdds(in[0], in[1], false).toFloatArray()) {
                    line.append(String.format(Locale.ROOT, "%8.4f", z));
                }
                System.out.println(line);
            }
        }
    }
}
